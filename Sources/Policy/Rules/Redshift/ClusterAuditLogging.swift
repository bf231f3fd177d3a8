import Template

extension RedshiftClusters {
  /// RSH003: clusters keep audit logs (connections, users, queries).
  static let auditLogging = Rule(
    id: "RSH003", title: "Redshift cluster has audit logging", severity: .warning,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Audit logging records connection attempts, user changes and queries; without LoggingProperties there is no record of who read what from the warehouse.",
    remediation:
      "Set LoggingProperties with BucketName (and S3KeyPrefix), or LogDestinationType: cloudwatch with LogExports."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requirePresent(
        logicalID, ["LoggingProperties"], question: "audit logging is on",
        absent: "cluster keeps no audit logs: LoggingProperties is not set")
    }
  }
}
