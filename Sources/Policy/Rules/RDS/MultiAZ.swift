import Template

extension RelationalDatabases {
  /// RDS009: DB instances keep a standby in a second Availability Zone.
  static let multiAZ = Rule(
    id: "RDS009", title: "RDS DB instance is Multi-AZ", severity: .info, family: .policy,
    theme: theme, resourceTypes: [instance],
    rationale:
      "A single-AZ instance is down for the length of an Availability Zone outage or a host failure, and its backups are taken from the primary; MultiAZ keeps a synchronous standby that takes over within minutes. Development databases may accept the risk, hence info. Cluster members are placed by their cluster.",
    remediation: "Set MultiAZ: true for production databases."
  ) { context in
    context.inspectedLogicalIDs.filter { context.databaseRole($0) != .clusterMember }.flatMap {
      logicalID in
      context.requireTrue(
        logicalID, ["MultiAZ"], question: "the instance is Multi-AZ",
        absent: "instance runs in one Availability Zone: MultiAZ is not set",
        isFalse: "instance runs in one Availability Zone (MultiAZ: false)")
    }
  }
}
