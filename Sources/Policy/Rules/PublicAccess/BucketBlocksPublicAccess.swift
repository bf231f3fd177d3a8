import Template

extension PublicAccess {
  /// PUB001: every bucket turns on all four S3 Block Public Access settings.
  static let bucketPublicAccessBlock = Rule(
    id: "PUB001", title: "S3 bucket blocks public access with all four settings", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "Block Public Access is the one control that overrides a mistaken ACL or bucket policy. Each of the four settings closes a different path (new public ACLs, existing public ACLs, new public policies, cross-account access through a public policy); leaving one off leaves that path open, and the template is the place the intent is written down.",
    remediation:
      "Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let block = context.property(logicalID, "PublicAccessBlockConfiguration")
      var findings = context.judge(
        block.filter(\.isAbsent), logicalID: logicalID,
        path: "Properties.PublicAccessBlockConfiguration",
        question: "public access is blocked"
      ) { _ in .fail("bucket has no PublicAccessBlockConfiguration; set all four settings to true")
      }
      for setting in [
        "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets",
      ] {
        findings += context.judge(
          block.filter { !$0.isAbsent }.child(setting), logicalID: logicalID,
          path: "Properties.PublicAccessBlockConfiguration.\(setting)", question: "\(setting) is on"
        ) {
          context.expectTrue(
            $0, absent: "\(setting) is not set and defaults to false",
            isFalse: "\(setting) is false")
        }
      }
      return findings
    }
  }
}
