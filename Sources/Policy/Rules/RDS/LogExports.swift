import Semantics
import Template

extension RelationalDatabases {
  /// RDS007: database logs reach CloudWatch Logs.
  static let logExports = Rule(
    id: "RDS007", title: "RDS DB instance or cluster exports its logs to CloudWatch Logs",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without EnableCloudwatchLogsExports, error, audit and slow-query logs stay on the database host, are rotated away within days and cannot be searched, alarmed on or kept for an investigation.",
    remediation:
      "Set EnableCloudwatchLogsExports to the engine's log types (error, general, slowquery, audit for MySQL; postgresql for PostgreSQL; alert, audit, trace, listener for Oracle; agent, error for SQL Server), on the cluster for its members."
  ) { context in
    context.inspectedLogicalIDs.filter { context.databaseRole($0) != .clusterMember }.flatMap {
      logicalID in
      let noun = context.databaseNoun(logicalID)
      return context.judge(
        context.property(logicalID, "EnableCloudwatchLogsExports"), logicalID: logicalID,
        path: "Properties.EnableCloudwatchLogsExports", question: "logs are exported"
      ) { possibility in
        if possibility.isAbsent {
          return .fail("\(noun) exports no logs: EnableCloudwatchLogsExports is not set")
        }
        guard let list = possibility.list else { return .unknown(possibility.unknowableReason) }
        return list.isEmpty
          ? .fail("\(noun) exports no logs: EnableCloudwatchLogsExports is empty") : .pass
      }
    }
  }
}
