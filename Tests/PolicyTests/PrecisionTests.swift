import Policy
import Semantics
import Template
import Testing

/// False findings seen on AWS's sample templates, each fixed and pinned: the fixtures hold the
/// case that was wrongly reported (now clean) beside the case that must still be reported.
@Suite struct PrecisionTests {
  static let theme = "precision"

  func lines(_ rules: String, _ name: String) throws -> [String] {
    let selected = rules.split(separator: ",").compactMap { Catalogue.rule(id: String($0)) }
    return Engine(rules: selected).check(try LintFixture.template(Self.theme, name)).map(
      LintFixture.line)
  }

  /// A policy whose `Bucket` is the bucket's `BucketName` spelled the same way (the same
  /// `!Sub`, the same literal) is that bucket's policy; a name no bucket has matches none.
  @Test func bucketPoliciesMatchBucketsByName() throws {
    #expect(
      try lines("TRN001", "bucket-policy-by-name.yaml") == [
        "29:9: error TRN001 ArchivePolicy: policy for bucket Archive has no Deny for every principal and s3:* on requests without TLS (Bool aws:SecureTransport false)",
        "34:3: error TRN001 Scratch: bucket has no AWS::S3::BucketPolicy denying requests without TLS (Bool aws:SecureTransport false)",
      ])
  }

  @Test func bucketPolicyIndexTargetsTheNamedBucket() throws {
    let index = PolicyIndex(try LintFixture.template(Self.theme, "bucket-policy-by-name.yaml"))
    #expect(index.resourcePolicies(protecting: "Logs").map(\.logicalID) == ["LogsPolicy"])
    #expect(index.resourcePolicies(protecting: "Archive").map(\.logicalID) == ["ArchivePolicy"])
    #expect(index.resourcePolicies(protecting: "Scratch").isEmpty)
  }

  /// A parameter's AllowedPattern answers what it guarantees: a CIDR limited to /16-/28 is
  /// not the internet, a key ARN pattern is a customer key, `arn:...:key/${Id}` is a key;
  /// an unconstrained parameter stays unknown.
  @Test func parameterConstraintsDecide() throws {
    #expect(
      try lines("NET002,ENC004", "parameter-constraints.yaml") == [
        "25:65: unknown NET002 FromAnywhere: cannot tell whether the ingress range is narrower than the internet: parameter AnyCidr has no default",
        "33:23: unknown ENC004 NamedKeyTopic: cannot tell whether the topic uses a customer-managed key: parameter KeyName has no default",
      ])
  }

  /// A function a Greengrass definition deploys runs on the device: no VPC finding.
  @Test func greengrassFunctionsNeedNoVPC() throws {
    #expect(
      try lines("NET007", "greengrass.yaml") == [
        "26:3: warning NET007 InCloud: function runs outside the VPC the template defines; set VpcConfig with private subnets"
      ])
  }
}
