import Semantics
import Template

extension DataProtection {
  /// DAT001: buckets say when their objects move to colder storage or expire.
  static let bucketLifecycle = Rule(
    id: "DAT001", title: "S3 bucket has an enabled lifecycle rule", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "Without lifecycle rules every object and every noncurrent version is kept in its first storage class forever: raw sequencing data costs grow without bound and data is kept past its retention period.",
    remediation:
      "Add LifecycleConfiguration.Rules with Status: Enabled: transitions to colder classes, expiration where the data has a retention period, NoncurrentVersionExpiration and AbortIncompleteMultipartUpload."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let rules = context.property(logicalID, "LifecycleConfiguration", "Rules")
      return context.judge(
        rules, logicalID: logicalID, path: "Properties.LifecycleConfiguration",
        question: "a lifecycle rule applies"
      ) { possibility in
        if possibility.isAbsent {
          return .fail(
            "bucket has no lifecycle rules; objects are kept in their first storage class forever")
        }
        let statuses = rules.of(possibility).items().child("Status").possibilities
        if statuses.contains(where: { $0.text == "Enabled" }) { return .pass }
        if let unknown = statuses.first(where: { $0.isUnknown }) {
          return .unknown(unknown.unknowableReason)
        }
        return .fail("bucket has no enabled lifecycle rule")
      }
    }
  }
}
