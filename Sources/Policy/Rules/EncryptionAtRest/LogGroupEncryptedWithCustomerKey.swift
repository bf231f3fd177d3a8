import Template

extension EncryptionAtRest {
  /// ENC006: CloudWatch log groups encrypt with a customer-managed key.
  static let logGroupEncryption = Rule(
    id: "ENC006", title: "CloudWatch log group encrypts with a customer-managed KMS key",
    severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Logs::LogGroup"],
    rationale:
      "Logs often carry identifiers, paths and payload fragments; without KmsKeyId they are encrypted with service keys and readable by anyone with logs:GetLogEvents.",
    remediation:
      "Set KmsKeyId to the ARN of a customer-managed key (!GetAtt Key.Arn) whose policy allows the logs service principal of the region."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "KmsKeyId"), logicalID: logicalID, path: "Properties.KmsKeyId",
        question: "the log group uses a customer-managed key"
      ) {
        context.customerManagedKey(
          $0,
          absent:
            "log group has no KmsKeyId; its events are not encrypted with a customer-managed key")
      }
    }
  }
}
