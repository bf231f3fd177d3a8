import Template

extension BatchAndEvents {
  /// The key actions that make encrypted data unreadable or take the key away from its owners.
  static let keyDestructions = [
    "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:DeleteImportedKeyMaterial",
    "kms:PutKeyPolicy",
  ]

  /// BAT006: no Batch role can disable or delete a KMS key (GXO001 covers deleting logs).
  static let batchRolesCannotDestroyKeys = Rule(
    id: "BAT006", title: "No Batch role can disable, delete or re-own KMS keys", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::IAM::Role"],
    rationale:
      "A Batch job runs third-party tools on sample data; if its role (job, execution or instance role) can schedule a key's deletion, disable it, delete its imported material or replace its key policy, one compromised container can make every object encrypted with that key unreadable. Deleting logs is GXO001's concern; this rule covers the keys.",
    remediation:
      "Grant Batch roles only kms:Decrypt, kms:GenerateDataKey* and kms:DescribeKey on the keys they use; keep kms:ScheduleKeyDeletion, kms:DisableKey, kms:DeleteImportedKeyMaterial and kms:PutKeyPolicy with the key administrators."
  ) { context in
    context.batchRoleViolations(of: keyDestructions)
  }
}
