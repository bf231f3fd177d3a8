import Semantics
import Template

extension EncryptionAtRest {
  /// ENC007: ECR repositories encrypt images with a customer-managed key.
  static let repositoryEncryption = Rule(
    id: "ENC007", title: "ECR repository encrypts with a customer-managed KMS key",
    severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::ECR::Repository"],
    rationale:
      "Without EncryptionConfiguration images are encrypted with AES256 keys ECR owns; KMS without KmsKey uses the AWS managed aws/ecr key. Images of a pipeline embed code and sometimes reference data.",
    remediation:
      "Set EncryptionConfiguration with EncryptionType: KMS and KmsKey naming a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let configuration = context.property(logicalID, "EncryptionConfiguration")
      var usesKMS: [Resolved] = []
      var findings = context.judge(
        configuration.child("EncryptionType"), logicalID: logicalID,
        path: "Properties.EncryptionConfiguration.EncryptionType",
        question: "the repository uses a customer-managed key"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil), .success("AES256"?):
          return .fail(
            "repository encrypts with AES256 keys ECR owns; set EncryptionType KMS with a customer-managed KmsKey"
          )
        case .success(let type?) where type.hasPrefix("KMS"):
          usesKMS.append(possibility)
          return .pass
        case .success(let type?):
          return .fail(
            "repository uses EncryptionType \(type), not KMS with a customer-managed key")
        }
      }
      for kms in usesKMS {
        findings += context.judge(
          configuration.child("KmsKey").after(kms), logicalID: logicalID,
          path: "Properties.EncryptionConfiguration.KmsKey",
          question: "the repository uses a customer-managed key"
        ) {
          context.customerManagedKey(
            $0, absent: "repository uses KMS without KmsKey, which is the AWS managed key aws/ecr")
        }
      }
      return findings
    }
  }
}
