import Template

extension ElastiCache {
  /// ECA001: replication groups encrypt snapshots and swap at rest.
  static let atRest = Rule(
    id: "ECA001", title: "ElastiCache replication group encrypts data at rest", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "AtRestEncryptionEnabled defaults to false: backups, snapshots exported to S3 and data swapped to disk are then unencrypted, and the setting cannot be changed on an existing group.",
    remediation: "Set AtRestEncryptionEnabled: true and KmsKeyId to a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["AtRestEncryptionEnabled"], question: "data is encrypted at rest",
        absent:
          "replication group is not encrypted at rest: AtRestEncryptionEnabled is not set and defaults to false",
        isFalse: "replication group is not encrypted at rest (AtRestEncryptionEnabled: false)")
    }
  }
}
