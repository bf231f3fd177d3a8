import Template

extension FileSystems {
  /// EFS002: encrypted file systems use a customer-managed key.
  static let customerManagedKey = Rule(
    id: "EFS002", title: "EFS file system encrypts with a customer-managed KMS key",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Encrypted without KmsKeyId uses the AWS managed key aws/elasticfilesystem, whose key policy lets every principal of the account that can mount the file system decrypt it; a customer-managed key's policy decides who can.",
    remediation:
      "Set KmsKeyId to a customer-managed key (!GetAtt Key.Arn). An unencrypted file system is EFS001's finding."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      context.property(logicalID, "Encrypted").filter { $0.bool == true }.possibilities.flatMap {
        encrypted in
        context.judge(
          context.property(logicalID, "KmsKeyId").after(encrypted), logicalID: logicalID,
          path: "Properties.KmsKeyId", question: "the file system uses a customer-managed key"
        ) {
          context.customerManagedKey(
            $0,
            absent:
              "file system is encrypted with the AWS managed key aws/elasticfilesystem; set KmsKeyId to a customer-managed key"
          )
        }
      }
    }
  }
}
