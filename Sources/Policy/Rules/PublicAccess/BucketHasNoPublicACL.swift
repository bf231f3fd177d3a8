import Semantics
import Template

extension PublicAccess {
  /// PUB002: no bucket grants a canned ACL that opens it to everyone or to every AWS account.
  static let bucketPublicACL = Rule(
    id: "PUB002", title: "S3 bucket has no public canned ACL", severity: .error, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "PublicRead, PublicReadWrite and AuthenticatedRead grant listing (and for PublicReadWrite, writing) to anyone on the internet or any AWS account; AuthenticatedRead is public in all but name.",
    remediation:
      "Remove AccessControl (or set Private) and grant access with a bucket policy naming the principals that need it."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let acl = context.property(logicalID, "AccessControl")
      let normalized = { (possibility: Resolved) -> String? in
        possibility.text?.lowercased().replacingOccurrences(of: "-", with: "")
      }
      // Unknown values first, then each public ACL on its own, so each finding names its ACL
      // (`scope["acl"]`): a peer check about public read (checkov CKV_AWS_20) reaches those
      // it forbids and no others.
      var findings = context.judge(
        acl.filter { !$0.isAbsent && $0.text == nil }, logicalID: logicalID,
        path: "Properties.AccessControl", question: "the bucket ACL is private"
      ) { .unknown($0.unknowableReason) }
      for (name, audience) in publicACLs {
        findings += context.judge(
          acl.filter { normalized($0) == name }, logicalID: logicalID,
          path: "Properties.AccessControl", question: "the bucket ACL is private"
        ) { possibility in
          .fail("bucket ACL \(possibility.text ?? name) grants access to \(audience)")
        }.map { finding in
          var finding = finding
          finding.scope["acl"] = name
          return finding
        }
      }
      return findings
    }
  }

  /// The canned ACLs that make a bucket public (lower case, no dashes), and to whom.
  private static let publicACLs = [
    ("publicread", "everyone"), ("publicreadwrite", "everyone"),
    ("authenticatedread", "every AWS account"),
  ]
}
