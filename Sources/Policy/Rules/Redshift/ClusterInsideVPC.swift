import Template

extension RedshiftClusters {
  /// RSH004: clusters name the subnets they run in.
  static let insideVPC = Rule(
    id: "RSH004", title: "Redshift cluster runs in a subnet group of the template's choosing",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without ClusterSubnetGroupName the cluster is created in the default VPC, whose subnets are public, rather than in the private subnets the template's network provides.",
    remediation:
      "Set ClusterSubnetGroupName to an AWS::Redshift::ClusterSubnetGroup of private subnets."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requirePresent(
        logicalID, ["ClusterSubnetGroupName"], question: "the cluster runs in chosen subnets",
        absent: "cluster runs in the default VPC: ClusterSubnetGroupName is not set")
    }
  }
}
