import Template

extension EncryptionAtRest {
  /// ENC011: Secrets Manager secrets encrypt with a customer-managed key.
  static let secretEncryption = Rule(
    id: "ENC011", title: "Secrets Manager secret encrypts with a customer-managed KMS key",
    severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::SecretsManager::Secret"],
    rationale:
      "A secret without KmsKeyId uses the AWS managed aws/secretsmanager key, which every principal of the account allowed secretsmanager:GetSecretValue can use; a customer-managed key adds a key policy and lets the secret be shared across accounts.",
    remediation: "Set KmsKeyId to a customer-managed key (!Ref Key)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "KmsKeyId"), logicalID: logicalID, path: "Properties.KmsKeyId",
        question: "the secret uses a customer-managed key"
      ) {
        context.customerManagedKey(
          $0, absent: "secret has no KmsKeyId; it uses the AWS managed key aws/secretsmanager")
      }
    }
  }
}
