import Policy
import Template
import Testing

/// SAM resources checked as what they deploy: a function's or state machine's `Policies`
/// (statements, policy templates, managed policy names) are the role SAM makes for it.
@Suite struct SAMTests {
  static let theme = "sam"
  static let iamRules = ["IAM001", "IAM003", "IAM007"]

  func lines(_ name: String) throws -> [String] {
    let rules = Self.iamRules.compactMap { Catalogue.rule(id: $0) }
    return Engine(rules: rules).check(try LintFixture.template(Self.theme, name)).map(
      LintFixture.line)
  }

  @Test func policiesAreJudgedByTheLeastPrivilegeRules() throws {
    #expect(
      try lines("function-policies-fail.yaml") == [
        #"20:23: error IAM001 Handler: statement 1 allows every action (Action: "*")"#,
        "22:11: error IAM007 Handler: attaches the AWS managed policy AdministratorAccess, which grants administrator-level access",
        "23:11: unknown IAM007 Handler: cannot tell which managed policy is attached: the SAM policy template TranslateFullAccessPolicy is not known to Formation",
        #"31:24: warning IAM003 Machine: statement 1 grants s3:GetObject, sqs:SendMessage on Resource "*" although they support resource-level permissions"#,
      ])
  }

  @Test func scopedTemplatesAndAFunctionWithItsOwnRoleAreClean() throws {
    #expect(try lines("function-policies-pass.yaml") == [])
  }

  /// A policy template grants what SAM expands it to, on the resource its argument names.
  @Test func policyTemplatesExpandToTheirGrants() throws {
    let template = try LintFixture.template(Self.theme, "function-policies-pass.yaml")
    let index = PolicyIndex(template)
    let table = try #require(index.resolver.arn(of: "Table"))
    #expect(index.principals.contains("Handler"))
    #expect(!index.principals.contains("WithRole"))
    #expect(
      index.evaluate(principal: "Handler", action: "dynamodb:PutItem", resource: table).outcome
        == .allowed)
    #expect(
      index.evaluate(principal: "Handler", action: "logs:PutLogEvents").outcome == .allowed)
    // AWSXRayDaemonWriteAccess is a managed policy Formation does not know: never "denied".
    #expect(
      index.evaluate(principal: "Handler", action: "dynamodb:DeleteTable", resource: table).outcome
        == .unknown)
  }
}
