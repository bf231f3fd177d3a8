import Template

extension RelationalDatabases {
  /// RDS004: automated backups are kept at least a week.
  static let backupRetention = Rule(
    id: "RDS004", title: "RDS DB instance or cluster keeps automated backups for 7 days or more",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "BackupRetentionPeriod is how far back point-in-time restore reaches; CloudFormation's default is 1 day, too short to notice a bad migration over a weekend, and 0 turns automated backups (and point-in-time restore) off.",
    remediation:
      "Set BackupRetentionPeriod to 7 or more (up to 35) days on the instance, or on the cluster for its members."
  ) { context in
    context.databaseOwners.flatMap { logicalID -> [Finding] in
      let noun = context.databaseNoun(logicalID)
      return context.judge(
        context.property(logicalID, "BackupRetentionPeriod"), logicalID: logicalID,
        path: "Properties.BackupRetentionPeriod", question: "backups are kept 7 days"
      ) { context.backupRetention($0, of: noun) }
    }
  }
}
