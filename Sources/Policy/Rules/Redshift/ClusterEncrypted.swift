import Template

extension RedshiftClusters {
  /// RSH001: clusters say they are encrypted.
  static let encrypted = Rule(
    id: "RSH001", title: "Redshift cluster is encrypted at rest", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "A cluster's blocks, snapshots and backups are encrypted only if Encrypted is true or the service default at creation time says so; stating it in the template (with a customer-managed KmsKeyId) makes it independent of when and where the stack is created.",
    remediation: "Set Encrypted: true and KmsKeyId to a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["Encrypted"], question: "the cluster is encrypted",
        absent: "cluster does not state that it is encrypted: Encrypted is not set",
        isFalse: "cluster is not encrypted (Encrypted: false)")
    }
  }
}
