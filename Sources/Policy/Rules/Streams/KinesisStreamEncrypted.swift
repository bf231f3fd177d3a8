import Semantics
import Template

extension Streams {
  /// STR001: Kinesis data streams encrypt records with KMS.
  static let kinesisEncryption = Rule(
    id: "STR001", title: "Kinesis data stream encrypts records with KMS", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::Kinesis::Stream"],
    rationale:
      "A stream without StreamEncryption keeps its records (often raw events with personal data) unencrypted in the shards for the whole retention period.",
    remediation:
      "Set StreamEncryption with EncryptionType: KMS and KeyId naming a customer-managed key (alias/aws/kinesis is the AWS managed one)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      var kms: [Resolved] = []
      var findings = context.judge(
        context.property(logicalID, "StreamEncryption", "EncryptionType"), logicalID: logicalID,
        path: "Properties.StreamEncryption.EncryptionType", question: "the stream is encrypted"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil): return .fail("stream is not encrypted: StreamEncryption is not set")
        case .success("KMS"?):
          kms.append(possibility)
          return .pass
        case .success(let other?):
          return .fail("stream is not encrypted (EncryptionType: \(other))")
        }
      }
      for choice in kms {
        findings += context.judge(
          context.property(logicalID, "StreamEncryption", "KeyId").after(choice),
          logicalID: logicalID, path: "Properties.StreamEncryption.KeyId",
          question: "the stream is encrypted"
        ) { key in
          let missing: Bool
          switch key.shape {
          case .absent, .null: missing = true
          default: missing = key.text == ""
          }
          return missing
            ? .fail("stream encryption names no KeyId, which KMS encryption requires")
            : .pass
        }
      }
      return findings
    }
  }
}
