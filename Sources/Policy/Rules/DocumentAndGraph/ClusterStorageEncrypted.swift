import Template

extension DocumentAndGraphDatabases {
  /// GDB001: Neptune and DocumentDB clusters encrypt their storage.
  static let storageEncrypted = Rule(
    id: "GDB001", title: "Neptune or DocumentDB cluster encrypts its storage", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "StorageEncrypted defaults to false in CloudFormation: the cluster volume, its backups and snapshots are then unencrypted, and encryption cannot be added to an existing cluster.",
    remediation: "Set StorageEncrypted: true and KmsKeyId to a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["StorageEncrypted"], question: "the storage is encrypted",
        absent:
          "cluster storage is not encrypted: StorageEncrypted is not set and defaults to false",
        isFalse: "cluster storage is not encrypted (StorageEncrypted: false)")
    }
  }
}
