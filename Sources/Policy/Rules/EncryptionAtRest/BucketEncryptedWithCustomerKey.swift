import Semantics
import Template

extension EncryptionAtRest {
  /// ENC001: a bucket's default encryption is SSE-KMS with a customer-managed key.
  static let bucketEncryption = Rule(
    id: "ENC001", title: "S3 bucket default encryption uses a customer-managed KMS key",
    severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "Without BucketEncryption a bucket falls back to SSE-S3, whose keys AWS owns: anyone with s3:GetObject reads the plaintext and no key policy or CloudTrail kms event stands in the way. SSE-S3 (AES256) and the AWS managed aws/s3 key have the same weakness.",
    remediation:
      "Set BucketEncryption.ServerSideEncryptionConfiguration to SSEAlgorithm aws:kms with KMSMasterKeyID naming a customer-managed key (!GetAtt Key.Arn), and BucketKeyEnabled true to keep KMS costs down."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let encryption = context.property(logicalID, "BucketEncryption")
      var findings = context.judge(
        encryption, logicalID: logicalID, path: "Properties.BucketEncryption",
        question: "the bucket uses a customer-managed key"
      ) { possibility in
        possibility.isAbsent
          ? .fail(
            "bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key"
          ) : .pass
      }
      let rules = encryption.child("ServerSideEncryptionConfiguration")
      findings += context.judge(
        rules.filter { !$0.isAbsent && ($0.list?.isEmpty ?? false) }, logicalID: logicalID,
        path: "Properties.BucketEncryption.ServerSideEncryptionConfiguration",
        question: "the bucket is encrypted"
      ) { _ in .fail("bucket encryption has no rules; add one with SSEAlgorithm aws:kms") }
      let defaults = rules.items().child("ServerSideEncryptionByDefault")
      for encryptionDefault in defaults.possibilities {
        let algorithm = defaults.of(encryptionDefault).child("SSEAlgorithm")
        var usesKMS: [Resolved] = []
        findings += context.judge(
          algorithm, logicalID: logicalID,
          path: "Properties.BucketEncryption.ServerSideEncryptionConfiguration",
          question: "the bucket uses a customer-managed key"
        ) { possibility in
          switch context.literal(possibility) {
          case .failure(let unknown): return .unknown(unknown.reason)
          case .success(nil):
            return .fail(
              "bucket encryption rule has no SSEAlgorithm; set aws:kms with a customer-managed key")
          case .success("AES256"?):
            return .fail(
              "bucket uses SSE-S3 (AES256), whose keys AWS owns; use aws:kms with a customer-managed key"
            )
          case .success(let other?) where other.hasPrefix("aws:kms"):
            usesKMS.append(possibility)
            return .pass
          case .success(let other?):
            return .fail(
              "bucket uses SSEAlgorithm \(other), not aws:kms with a customer-managed key")
          }
        }
        for kms in usesKMS {
          findings += context.judge(
            defaults.of(encryptionDefault).child("KMSMasterKeyID").after(kms), logicalID: logicalID,
            path: "Properties.BucketEncryption.ServerSideEncryptionConfiguration",
            question: "the bucket uses a customer-managed key"
          ) {
            context.customerManagedKey(
              $0,
              absent:
                "bucket uses aws:kms without KMSMasterKeyID, which is the AWS managed key aws/s3")
          }
        }
      }
      return findings
    }
  }
}
