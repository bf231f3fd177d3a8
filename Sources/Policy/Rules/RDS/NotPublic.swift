import Semantics
import Template

extension RelationalDatabases {
  /// RDS003: databases do not take a public address.
  static let notPublic = Rule(
    id: "RDS003", title: "RDS DB instance or cluster is not publicly accessible", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "A publicly accessible database resolves to a public IP address, so its security groups and password are all that stand between it and the internet's credential-stuffing and exploit scans. Without DBSubnetGroupName an instance is created in the default VPC, where PubliclyAccessible defaults to true.",
    remediation:
      "Set PubliclyAccessible: false and DBSubnetGroupName to a subnet group of private subnets; reach the database through the VPC, a bastion or RDS Proxy."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let noun = context.databaseNoun(logicalID)
      let defaultVPC =
        context.resourceType(logicalID) == RelationalDatabases.instance
        && context.databaseRole(logicalID) != .clusterMember
        && !context.sets(logicalID, "DBSubnetGroupName")
      return context.judge(
        context.property(logicalID, "PubliclyAccessible"), logicalID: logicalID,
        path: "Properties.PubliclyAccessible", question: "the database is private"
      ) { possibility in
        if possibility.isAbsent && defaultVPC {
          return .fail(
            "instance may be public: without DBSubnetGroupName it is created in the default VPC, where PubliclyAccessible defaults to true"
          )
        }
        return context.expectNotTrue(
          possibility, isTrue: "\(noun) is publicly accessible (PubliclyAccessible: true)")
      }
    }
  }
}
