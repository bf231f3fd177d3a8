import Semantics
import Template

extension DMS {
  /// DMS001: a replication instance has no public address.
  static let replicationInstanceNotPublic = Rule(
    id: "DMS001", title: "DMS replication instances are not publicly accessible",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: ["AWS::DMS::ReplicationInstance"],
    rationale:
      "A replication instance holds credentials for the source and target databases and streams their data; PubliclyAccessible defaults to true, which gives it a public address.",
    remediation: "Set PubliclyAccessible: false and place it in private subnets (ReplicationSubnetGroupIdentifier)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "PubliclyAccessible"), logicalID: logicalID,
        path: "Properties.PubliclyAccessible", question: "the replication instance is private"
      ) { flag in
        if flag.isAbsent {
          return .fail(
            "replication instance has a public address (PubliclyAccessible is not set and defaults to true)")
        }
        return context.expectNotTrue(
          flag, isTrue: "replication instance has a public address (PubliclyAccessible: true)")
      }
    }
  }
}
