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
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "AccessControl"), logicalID: logicalID,
        path: "Properties.AccessControl",
        question: "the bucket ACL is private"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil): return .pass
        case .success(let acl?):
          let normalized = acl.lowercased().replacingOccurrences(of: "-", with: "")
          return ["publicread", "publicreadwrite", "authenticatedread"].contains(normalized)
            ? .fail(
              "bucket ACL \(acl) grants access to \(normalized == "authenticatedread" ? "every AWS account" : "everyone")"
            )
            : .pass
        }
      }
    }
  }
}
