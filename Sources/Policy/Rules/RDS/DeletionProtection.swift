import Template

extension RelationalDatabases {
  /// RDS005: databases cannot be deleted by an API call or stack operation alone.
  static let deletionProtection = Rule(
    id: "RDS005", title: "RDS DB instance or cluster has deletion protection", severity: .warning,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "DeletionProtection makes DeleteDBInstance and DeleteDBCluster fail until it is turned off, so a mistaken stack deletion, resource replacement or compromised credential cannot drop the database in one call. It defaults to false.",
    remediation:
      "Set DeletionProtection: true (on the cluster for its members), together with DeletionPolicy: Snapshot or Retain."
  ) { context in
    context.inspectedLogicalIDs.filter { context.databaseRole($0) != .clusterMember }.flatMap {
      logicalID in
      let noun = context.databaseNoun(logicalID)
      return context.requireTrue(
        logicalID, ["DeletionProtection"], question: "deletion protection is on",
        absent: "\(noun) can be deleted: DeletionProtection is not set and defaults to false",
        isFalse: "\(noun) can be deleted (DeletionProtection: false)")
    }
  }
}
