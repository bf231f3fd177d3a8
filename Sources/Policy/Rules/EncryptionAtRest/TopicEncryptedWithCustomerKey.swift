import Template

extension EncryptionAtRest {
  /// ENC004: SNS topics encrypt messages with a customer-managed key.
  static let topicEncryption = Rule(
    id: "ENC004", title: "SNS topic encrypts with a customer-managed KMS key", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::SNS::Topic"],
    rationale:
      "Messages of a topic without KmsMasterKeyId are stored unencrypted by a key the account controls; the AWS managed alias/aws/sns key cannot be used by other services' publishers and gives no key policy of its own.",
    remediation: "Set KmsMasterKeyId to a customer-managed key (!Ref Key or !GetAtt Key.Arn)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judgeCustomerKey(
        context.property(logicalID, "KmsMasterKeyId"), logicalID: logicalID,
        path: "Properties.KmsMasterKeyId",
        question: "the topic uses a customer-managed key",
        absent:
          "topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key")
    }
  }
}
