import Template

extension FileSystems {
  /// EFS001: file systems encrypt their data at rest.
  static let encrypted = Rule(
    id: "EFS001", title: "EFS file system is encrypted at rest", severity: .error, family: .policy,
    theme: theme, resourceTypes: types,
    rationale:
      "CloudFormation creates EFS file systems unencrypted unless Encrypted is true (the console's default does not apply), and encryption cannot be turned on later: the data must be copied to a new file system.",
    remediation: "Set Encrypted: true and KmsKeyId to a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["Encrypted"], question: "the file system is encrypted",
        absent: "file system is not encrypted: Encrypted is not set and defaults to false",
        isFalse: "file system is not encrypted (Encrypted: false)")
    }
  }
}
