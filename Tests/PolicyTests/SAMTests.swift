import Policy
import Semantics
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

  func lines(_ rules: String, _ name: String) throws -> [String] {
    let selected = rules.split(separator: ",").compactMap { Catalogue.rule(id: String($0)) }
    return Engine(rules: selected).check(try LintFixture.template(Self.theme, name)).map(
      LintFixture.line)
  }

  @Test(arguments: Serverless.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try lines(id, "\(id)-pass.yaml") == [])
  }

  @Test func apiAuthorizer() throws {
    #expect(
      try lines("SAM001", "SAM001-fail.yaml") == [
        "3:3: warning SAM001 Open: API has no Auth.DefaultAuthorizer; routes without their own authorizer accept unauthenticated calls",
        "11:28: warning SAM001 Disabled: API sets Auth.DefaultAuthorizer NONE; its routes accept unauthenticated calls",
      ])
  }

  @Test func apiAccessLogging() throws {
    #expect(
      try lines("SAM002", "SAM002-fail.yaml") == [
        "3:3: warning SAM002 Rest: API has no AccessLogSetting.DestinationArn; calls to it leave no access log",
        "7:3: warning SAM002 Http: API has no AccessLogSettings.DestinationArn; calls to it leave no access log",
      ])
  }

  @Test func apiTLS() throws {
    #expect(
      try lines("SAM003", "SAM003-fail.yaml") == [
        "8:9: warning SAM003 Unset: API custom domain has no SecurityPolicy and accepts TLS 1.0; set TLS_1_2",
        "17:25: warning SAM003 Old: API custom domain accepts TLS 1.0 (SecurityPolicy TLS_1_0); set TLS_1_2",
      ])
  }

  @Test func stateMachineLogging() throws {
    #expect(
      try lines("SAM004", "SAM004-fail.yaml") == [
        "3:3: warning SAM004 Silent: state machine does not log its executions (Logging.Level is OFF or not set)",
        "13:16: warning SAM004 Off: state machine does not log its executions (LoggingConfiguration.Level is OFF or not set)",
      ])
  }

  /// The Lambda rules read a SAM function's environment key, VPC and dead-letter queue; a
  /// SimpleTable is judged by the table encryption rule.
  @Test func functionSettingsAndSimpleTable() throws {
    #expect(
      try lines("ENC003,ENC008,LOG007,NET007", "function-settings-fail.yaml") == [
        "7:3: warning ENC008 Handler: function has environment variables but no KmsKeyArn; they are encrypted with the AWS managed key aws/lambda",
        "7:3: warning LOG007 Handler: function has no DeadLetterQueue and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped",
        "7:3: warning NET007 Handler: function runs outside the VPC the template defines; set VpcConfig with private subnets",
        "16:3: error ENC003 Table: a SAM SimpleTable cannot use a customer-managed key (its SSESpecification takes SSEEnabled alone); declare an AWS::DynamoDB::Table with SSESpecification.KMSMasterKeyId",
      ])
    #expect(try lines("ENC003,ENC008,LOG007,NET007", "function-settings-pass.yaml") == [])
  }

  /// Globals.Function gives every function its key, VPC and dead-letter queue; a function's
  /// own value wins and is judged.
  @Test func globalsApplyToEveryFunction() throws {
    #expect(
      try lines("ENC008,LOG007,NET007", "globals.yaml") == [
        "41:18: warning ENC008 Overrides: uses the AWS managed key alias/aws/lambda, not a customer-managed key"
      ])
  }
}
