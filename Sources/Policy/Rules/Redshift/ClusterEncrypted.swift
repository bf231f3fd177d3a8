import Semantics
import Template

extension RedshiftClusters {
  /// RSH001: clusters say they are encrypted.
  static let encrypted = Rule(
    id: "RSH001", title: "Redshift cluster is encrypted at rest", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Encrypted: false leaves the cluster's blocks, snapshots and backups unencrypted. Without Encrypted the outcome depends on Redshift's default when the cluster is created (encrypted with an AWS owned key since January 2025), so an absent setting is a warning; stating it, with a customer-managed KmsKeyId, puts the data behind a key policy.",
    remediation: "Set Encrypted: true and KmsKeyId to a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Encrypted"), logicalID: logicalID,
        path: "Properties.Encrypted", question: "the cluster is encrypted"
      ) { possibility in
        possibility.isAbsent
          ? .fail(
            "cluster does not set Encrypted: true, so it relies on Redshift's default encryption (an AWS owned key, for clusters created since January 2025) instead of a key the template chooses",
            severity: .warning)
          : context.expectTrue(
            possibility, absent: "", isFalse: "cluster is not encrypted (Encrypted: false)")
      }
    }
  }
}
