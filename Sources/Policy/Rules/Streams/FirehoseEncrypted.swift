import Template

extension Streams {
  /// STR002: Firehose delivery streams encrypt the records they buffer.
  static let firehoseEncryption = Rule(
    id: "STR002", title: "Firehose delivery stream encrypts records at rest", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::KinesisFirehose::DeliveryStream"],
    rationale:
      "A direct-put delivery stream without DeliveryStreamEncryptionConfigurationInput buffers records unencrypted before delivery. A stream reading from Kinesis (KinesisStreamAsSource) or MSK is encrypted as its source is and is not checked.",
    remediation:
      "Set DeliveryStreamEncryptionConfigurationInput with KeyType: CUSTOMER_MANAGED_CMK and KeyARN (or AWS_OWNED_CMK at least)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let sources = context.property(logicalID, "DeliveryStreamType").filter {
        $0.text != "KinesisStreamAsSource" && $0.text != "MSKAsSource"
      }
      return sources.possibilities.flatMap { source in
        context.judge(
          context.property(logicalID, "DeliveryStreamEncryptionConfigurationInput", "KeyType")
            .after(source), logicalID: logicalID,
          path: "Properties.DeliveryStreamEncryptionConfigurationInput.KeyType",
          question: "the delivery stream is encrypted"
        ) { possibility in
          switch context.literal(possibility) {
          case .failure(let unknown): return .unknown(unknown.reason)
          case .success(nil):
            return .fail(
              "delivery stream is not encrypted: DeliveryStreamEncryptionConfigurationInput.KeyType is not set"
            )
          case .success: return .pass
          }
        }
      }.uniqued()
    }
  }
}
