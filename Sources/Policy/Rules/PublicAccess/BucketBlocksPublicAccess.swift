import Semantics
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
      let present = block.filter { !$0.isAbsent }
      for setting in publicAccessSettings {
        findings += context.judge(
          present.child(setting.name), logicalID: logicalID, path: setting.path,
          question: setting.question
        ) {
          context.expectTrue($0, absent: setting.absent, isFalse: setting.isFalse)
        }
      }
      return findings
    }
  }

  /// The four Block Public Access settings with the texts PUB001 reports them with, spelled
  /// out once rather than for every bucket.
  private static let publicAccessSettings = [
    "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets",
  ].map { setting in
    (
      name: setting, path: "Properties.PublicAccessBlockConfiguration.\(setting)",
      question: "\(setting) is on", absent: "\(setting) is not set and defaults to false",
      isFalse: "\(setting) is false"
    )
  }
}
