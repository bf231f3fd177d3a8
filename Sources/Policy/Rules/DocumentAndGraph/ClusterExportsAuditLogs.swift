import Semantics
import Template

extension DocumentAndGraphDatabases {
  /// GDB002: clusters export their audit log to CloudWatch Logs.
  static let auditLogExports = Rule(
    id: "GDB002", title: "Neptune or DocumentDB cluster exports audit logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without the audit log among EnableCloudwatchLogsExports, connections, authentication failures and queries are not recorded anywhere they can be searched or kept.",
    remediation:
      "Add audit to EnableCloudwatchLogsExports, and enable auditing in the cluster parameter group (neptune_enable_audit_log for Neptune, audit_logs for DocumentDB)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "EnableCloudwatchLogsExports"), logicalID: logicalID,
        path: "Properties.EnableCloudwatchLogsExports", question: "audit logs are exported"
      ) { possibility in
        if possibility.isAbsent {
          return .fail("cluster exports no audit log: EnableCloudwatchLogsExports is not set")
        }
        guard let list = possibility.list else { return .unknown(possibility.unknowableReason) }
        let names = list.flatMap { context.resolver.resolve($0) }
        if names.contains(where: { $0.text == "audit" }) { return .pass }
        if let unknown = names.first(where: { $0.text == nil }) {
          return .unknown(unknown.unknowableReason)
        }
        return .fail("cluster exports no audit log: EnableCloudwatchLogsExports lacks audit")
      }
    }
  }
}
