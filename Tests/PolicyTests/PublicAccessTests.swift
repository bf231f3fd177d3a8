import Policy
import Testing

/// Public access: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct PublicAccessTests {
  static let theme = "public-access"

  @Test(arguments: PublicAccess.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: PublicAccess.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func pub010() throws {
    #expect(
      try LintFixture.lines("PUB010", Self.theme, "PUB010-fail.yaml") == [
        "17:17: error PUB010 WebhookURL: function URL has AuthType NONE: anyone on the internet can invoke the function",
        "22:17: unknown PUB010 ChosenURL: cannot tell whether the function URL requires IAM: parameter URLAuth has no default",
        "30:19: error PUB010 SamHandler: function URL has AuthType NONE: anyone on the internet can invoke the function",
      ])
  }

  @Test func pub001() throws {
    #expect(
      try LintFixture.lines("PUB001", Self.theme, "PUB001-fail.yaml") == [
        "3:3: error PUB001 Unblocked: bucket has no PublicAccessBlockConfiguration; set all four settings to true",
        "9:9: error PUB001 Partial: RestrictPublicBuckets is not set and defaults to false",
        "10:28: error PUB001 Partial: BlockPublicPolicy is false",
      ])
  }

  @Test func pub002() throws {
    #expect(
      try LintFixture.lines("PUB002", Self.theme, "PUB002-fail.yaml") == [
        "8:22: error PUB002 Website: bucket ACL PublicRead grants access to everyone",
        "12:33: error PUB002 Drop: bucket ACL PublicReadWrite grants access to everyone (when condition Demo is true)",
        "16:22: error PUB002 Shared: bucket ACL AuthenticatedRead grants access to every AWS account",
      ])
  }

  @Test func pub003() throws {
    #expect(
      try LintFixture.lines("PUB003", Self.theme, "PUB003-fail.yaml") == [
        "3:3: warning PUB003 NoControls: bucket does not set OwnershipControls to BucketOwnerEnforced, so object ACLs may grant access",
        "10:30: warning PUB003 ObjectWriter: bucket object ownership is ObjectWriter, which keeps object ACLs in force; use BucketOwnerEnforced",
      ])
  }

  @Test func pub004() throws {
    #expect(
      try LintFixture.lines("PUB004", Self.theme, "PUB004-fail.yaml") == [
        "15:18: error PUB004 AnyoneMayInvoke: permission lets any principal invoke the function: Principal is \"*\" with no SourceArn, SourceAccount or PrincipalOrgID",
        "21:18: warning PUB004 BucketMayInvoke: permission lets s3.amazonaws.com invoke the function for any account's resources: no SourceArn or SourceAccount",
        "27:18: warning PUB004 SkillMayInvoke: permission lets alexa-appkit.amazon.com invoke the function for any account's resources: no SourceArn or SourceAccount",
      ])
  }
}
