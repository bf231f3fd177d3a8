import Template

extension DocumentAndGraphDatabases {
  /// GDB003: automated backups are kept at least a week.
  static let backupRetention = Rule(
    id: "GDB003", title: "Neptune or DocumentDB cluster keeps backups for 7 days or more",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "BackupRetentionPeriod bounds point-in-time restore; the default of 1 day is too short to notice a bad write or deletion before the last good state is gone.",
    remediation: "Set BackupRetentionPeriod to 7 or more (up to 35) days."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "BackupRetentionPeriod"), logicalID: logicalID,
        path: "Properties.BackupRetentionPeriod", question: "backups are kept 7 days"
      ) { context.backupRetention($0, of: "cluster") }
    }
  }
}
