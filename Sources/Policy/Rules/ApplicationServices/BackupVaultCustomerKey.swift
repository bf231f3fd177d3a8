import Template

extension ApplicationServices {
  /// BAK001: backup vaults encrypt with a customer-managed KMS key.
  static let backupVaultCustomerKey = Rule(
    id: "BAK001", title: "Backup vaults encrypt with a customer-managed KMS key", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Backup::BackupVault"],
    rationale:
      "Backups are copies of every protected store; without EncryptionKeyArn the vault uses the AWS managed key aws/backup, whose policy cannot keep a compromised backup role from restoring them.",
    remediation:
      "Set EncryptionKeyArn to a customer-managed key."
  ) { context in
    context.requireCustomerKey(
      "EncryptionKeyArn", question: "the vault uses a customer-managed key",
      absent: "vault uses the AWS managed key aws/backup (no EncryptionKeyArn)")
  }
}
