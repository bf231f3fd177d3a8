import Template

extension RelationalDatabases {
  /// RDS002: encrypted DB storage uses a customer-managed key.
  static let customerManagedKey = Rule(
    id: "RDS002", title: "RDS DB instance or cluster encrypts with a customer-managed KMS key",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "StorageEncrypted without KmsKeyId uses the AWS managed key aws/rds, whose key policy any principal of the account with RDS access satisfies: no key policy limits who can read snapshots, and a snapshot encrypted with it cannot be shared with another account.",
    remediation:
      "Set KmsKeyId to a customer-managed key (!GetAtt Key.Arn) next to StorageEncrypted: true. Unencrypted storage is RDS001's finding."
  ) { context in
    context.databaseOwners.flatMap { logicalID -> [Finding] in
      let encrypted = context.property(logicalID, "StorageEncrypted").filter { $0.bool == true }
      return encrypted.possibilities.flatMap { choice in
        context.judge(
          context.property(logicalID, "KmsKeyId").after(choice), logicalID: logicalID,
          path: "Properties.KmsKeyId", question: "the storage uses a customer-managed key"
        ) {
          context.customerManagedKey(
            $0,
            absent:
              "\(context.databaseNoun(logicalID)) storage is encrypted with the AWS managed key aws/rds; set KmsKeyId to a customer-managed key"
          )
        }
      }
    }
  }
}
