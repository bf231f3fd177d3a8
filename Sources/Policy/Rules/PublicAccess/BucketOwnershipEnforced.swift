import Semantics
import Template

extension PublicAccess {
  /// PUB003: buckets disable ACLs with the BucketOwnerEnforced object ownership.
  static let bucketOwnershipEnforced = Rule(
    id: "PUB003", title: "S3 bucket enforces bucket-owner object ownership (ACLs disabled)",
    severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "With ObjectWriter or BucketOwnerPreferred ownership, object ACLs stay in force: an uploader can grant public read on an object the bucket policy never mentions, and objects written by another account are not the bucket owner's. BucketOwnerEnforced makes the bucket policy the only access control; writing it in the template documents it rather than relying on the current default for new buckets.",
    remediation:
      "Set OwnershipControls.Rules to [{ObjectOwnership: BucketOwnerEnforced}] and grant access with the bucket policy."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let rules = context.property(logicalID, "OwnershipControls", "Rules")
      var findings = context.judge(
        rules.filter { $0.isAbsent || ($0.list?.isEmpty ?? false) }, logicalID: logicalID,
        path: "Properties.OwnershipControls", question: "ACLs are disabled"
      ) { _ in
        .fail(
          "bucket does not set OwnershipControls to BucketOwnerEnforced, so object ACLs may grant access"
        )
      }
      findings += context.judge(
        rules.items().child("ObjectOwnership"), logicalID: logicalID,
        path: "Properties.OwnershipControls.Rules.ObjectOwnership",
        question: "ACLs are disabled"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success("BucketOwnerEnforced"?): return .pass
        case .success(let other):
          return .fail(
            "bucket object ownership is \(other ?? "not set"), which keeps object ACLs in force; use BucketOwnerEnforced"
          )
        }
      }
      return findings
    }
  }
}
