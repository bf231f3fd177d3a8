import Template

extension RedshiftClusters {
  /// RSH002: clusters do not take a public address.
  static let notPublic = Rule(
    id: "RSH002", title: "Redshift cluster is not publicly accessible", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "PubliclyAccessible gives the leader node a public IP address, so the warehouse's security groups and passwords are all that stand between it and the internet.",
    remediation:
      "Remove PubliclyAccessible (or set it false) and reach the cluster from the VPC, a VPN or Redshift-managed VPC endpoints."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.forbidTrue(
        logicalID, ["PubliclyAccessible"], question: "the cluster is private",
        isTrue: "cluster is publicly accessible (PubliclyAccessible: true)")
    }
  }
}
