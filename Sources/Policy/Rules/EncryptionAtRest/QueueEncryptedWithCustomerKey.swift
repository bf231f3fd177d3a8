import Template

extension EncryptionAtRest {
  /// ENC005: SQS queues encrypt with a customer-managed key, not SQS-managed SSE.
  static let queueEncryption = Rule(
    id: "ENC005", title: "SQS queue encrypts with a customer-managed KMS key", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::SQS::Queue"],
    rationale:
      "SQS-managed SSE (SqsManagedSseEnabled, the default for new queues) uses keys the service owns: anyone allowed sqs:ReceiveMessage reads the plaintext, with no key policy or kms event in between.",
    remediation:
      "Set KmsMasterKeyId to a customer-managed key (!Ref Key) instead of relying on SqsManagedSseEnabled."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let managed = context.property(logicalID, "SqsManagedSseEnabled").possibilities.contains {
        $0.bool == true
      }
      let absent =
        managed
        ? "queue uses SQS-managed SSE (SqsManagedSseEnabled), which is not a customer-managed key; set KmsMasterKeyId"
        : "queue has no KmsMasterKeyId; it is encrypted at most with SQS-owned keys"
      return context.judgeCustomerKey(
        context.property(logicalID, "KmsMasterKeyId"), logicalID: logicalID,
        path: "Properties.KmsMasterKeyId",
        question: "the queue uses a customer-managed key", absent: absent)
    }
  }
}
