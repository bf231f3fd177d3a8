import Semantics
import Template

extension RelationalDatabases {
  /// RDS008: minor engine versions (security patches) are applied automatically.
  static let minorVersionUpgrade = Rule(
    id: "RDS008", title: "RDS DB instance or cluster applies minor version upgrades",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Minor engine versions carry security fixes; with AutoMinorVersionUpgrade: false they are applied only when someone remembers to. The setting is per instance for Aurora and defaults to true.",
    remediation: "Remove AutoMinorVersionUpgrade: false (or set it true)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "AutoMinorVersionUpgrade"), logicalID: logicalID,
        path: "Properties.AutoMinorVersionUpgrade", question: "minor upgrades are applied"
      ) { possibility in
        guard !possibility.isAbsent else { return .pass }
        guard let flag = possibility.bool else { return .unknown(possibility.unknowableReason) }
        return flag
          ? .pass
          : .fail(
            "\(context.databaseNoun(logicalID)) does not apply minor version upgrades (AutoMinorVersionUpgrade: false)"
          )
      }
    }
  }
}
