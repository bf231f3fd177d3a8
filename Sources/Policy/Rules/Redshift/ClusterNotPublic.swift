import Semantics
import Template

extension RedshiftClusters {
  /// RSH002: clusters do not take a public address.
  static let notPublic = Rule(
    id: "RSH002", title: "Redshift cluster is not publicly accessible", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "PubliclyAccessible gives the leader node a public IP address, so the warehouse's security groups and passwords are all that stand between it and the internet. Without the property, Redshift's default at creation decides (private since January 2025), which is reported as info.",
    remediation:
      "Remove PubliclyAccessible (or set it false) and reach the cluster from the VPC, a VPN or Redshift-managed VPC endpoints."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "PubliclyAccessible"), logicalID: logicalID,
        path: "Properties.PubliclyAccessible", question: "the cluster is private"
      ) { possibility in
        possibility.isAbsent
          ? .fail(
            "cluster does not set PubliclyAccessible, so Redshift's default decides (private for clusters created since January 2025); set it false",
            severity: .info)
          : context.expectNotTrue(
            possibility, isTrue: "cluster is publicly accessible (PubliclyAccessible: true)")
      }
    }
  }
}
