import Policy
import Template
import Testing

/// Each least-privilege rule on its failing and passing fixture, with the exact findings.
@Suite struct LeastPrivilegeTests {
  static let theme = "least-privilege"

  func lines(_ id: String, _ outcome: String) throws -> [String] {
    try LintFixture.lines(id, Self.theme, "\(id)-\(outcome).yaml")
  }

  @Test(arguments: LeastPrivilege.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try lines(id, "pass") == [])
  }

  @Test func rulesAreInTheCatalogue() {
    let ids = LeastPrivilege.rules.map(\.id)
    let expected: [String] = (1...15).map { number in
      number < 10 ? "IAM00\(number)" : "IAM0\(number)"
    }
    #expect(ids == expected)
    #expect(ids.allSatisfy { Catalogue.rule(id: $0)?.theme == "least-privilege" })
  }

  @Test func wildcardAction() throws {
    #expect(
      try lines("IAM001", "fail") == [
        #"23:23: error IAM001 PipelineRole: statement 1 allows every action (Action: "*")"#,
        #"33:48: error IAM001 DebugPolicy: statement 1 allows every action (Action: "*") when condition IsProd is false"#,
        "42:21: unknown IAM001 ParameterPolicy: cannot tell whether statement 1 allows every action: parameter GrantedAction has no default",
      ])
  }

  @Test func serviceWildcardAction() throws {
    #expect(
      try lines("IAM002", "fail") == [
        "14:22: warning IAM002 WorkerPolicy: statement 1 allows every s3 action (s3:*)",
        "14:50: warning IAM002 WorkerPolicy: statement 1 allows every kms action (KMS:*)",
      ])
  }

  @Test func wildcardResource() throws {
    #expect(
      try lines("IAM003", "fail") == [
        #"19:21: warning IAM003 WorkerRole: statement 1 grants s3:GetObject, logs:Describe*, dynamodb:PutItem on Resource "*" although they support resource-level permissions"#,
      ])
  }

  @Test func passRole() throws {
    #expect(
      try lines("IAM004", "fail") == [
        #"19:39: error IAM004 TriggerPolicy: statement 1: iam:PassRole allows iam:PassRole on every role (Resource "*"); name the roles it passes"#,
        "22:21: error IAM004 TriggerPolicy: statement 2: iam:Pass* allows iam:PassRole to any service; add a condition on iam:PassedToService",
      ])
  }

  @Test func allowWithNotAction() throws {
    #expect(
      try lines("IAM005", "fail") == [
        "12:17: error IAM005 Operators: statement 1 allows every action except iam:*, organizations:* on every resource (Allow with NotAction)",
        "21:13: warning IAM005 ScopedReader: statement 1 allows every action except s3:Delete* (Allow with NotAction)",
        "34:13: error IAM005 ReportsPolicy: statement 1 allows every action except s3:Put* in a resource policy (Allow with NotAction)",
        "44:13: error IAM005 PartnerRole: statement 1 allows every action except sts:AssumeRoleWithSAML in a trust policy (Allow with NotAction)",
      ])
  }

  @Test func allowWithNotResource() throws {
    #expect(
      try lines("IAM006", "fail") == [
        "15:17: warning IAM006 Writer: statement 1 allows its actions on every resource except ${Raw.Arn}/* (Allow with NotResource)",
        "26:13: error IAM006 Key: statement 1 allows its actions on every resource except arn:aws:kms:us-east-1:111122223333:key/other (Allow with NotResource in a resource policy)",
      ])
  }

  @Test func administratorManagedPolicy() throws {
    #expect(
      try lines("IAM007", "fail") == [
        "18:11: error IAM007 AdminRole: attaches the AWS managed policy AdministratorAccess, which grants administrator-level access",
        "19:11: error IAM007 AdminRole: attaches the AWS managed policy PowerUserAccess, which grants administrator-level access",
        "20:11: error IAM007 AdminRole: attaches the AWS managed policy IAMFullAccess, which grants administrator-level access",
        "21:23: error IAM007 AdminRole: attaches the AWS managed policy AdministratorAccess, which grants administrator-level access when condition IsDev is true",
        "22:11: unknown IAM007 AdminRole: cannot tell which managed policy is attached: parameter Extra has no default",
      ])
  }

  @Test func privilegeEscalation() throws {
    #expect(
      try lines("IAM008", "fail") == [
        "18:26: error IAM008 DeployRole: statement 1 grants iam:AttachRolePolicy on every resource, which allows privilege escalation (iam:AttachRolePolicy)",
        "18:48: error IAM008 DeployRole: statement 1 grants iam:CreatePolicyVersion on every resource, which allows privilege escalation (iam:CreatePolicyVersion)",
        #"21:26: error IAM008 DeployRole: DeployRole can pass any role (iam:PassRole on "*") and run it with lambda:CreateFunction, which allows privilege escalation"#,
        #"40:17: error IAM008 OperatorRole: OperatorRole can pass any role (iam:PassRole on "*") and run it with lambda:CreateFunction, ec2:RunInstances, cloudformation:CreateStack, ..., which allows privilege escalation"#,
        "40:17: error IAM008 OperatorRole: statement 1 grants every action except iam:CreateUser, iam:DeleteUser, s3:* on every resource, which allows privilege escalation (iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion, iam:AttachRolePolicy, iam:AttachUserPolicy, ...)",
      ])
  }

  @Test func trustWildcardPrincipal() throws {
    #expect(
      try lines("IAM009", "fail") == [
        "10:30: error IAM009 OpenRole: statement 1 lets any AWS principal assume the role (Principal AWS: *) with no condition naming the account or organization",
        "13:34: error IAM009 OpenRole: statement 2 lets any AWS service assume the role (Service: *)",
        "23:26: error IAM009 GitHubRole: statement 1 lets every identity of the federated provider arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com assume the role; add conditions on its aud and sub",
      ])
  }

  @Test func trustWildcardAction() throws {
    #expect(
      try lines("IAM014", "fail") == [
        #"11:21: error IAM014 AnythingRole: statement 1 allows every action (Action: "*") in a trust policy; name the assume-role action"#,
        #"20:38: error IAM014 StsRole: statement 1 allows every sts action (Action: "sts:*") in a trust policy; name the assume-role action"#,
      ])
  }

  @Test func policiesOnUsers() throws {
    #expect(
      try lines("IAM015", "fail") == [
        "6:26: warning IAM015 Ana: user has managed policies attached (ManagedPolicyArns)",
        "8:9: warning IAM015 Ana: user has inline policies (Policies)",
        "16:14: warning IAM015 Reports: policy is attached to users (Users)",
      ])
  }

  @Test func trustCrossAccount() throws {
    #expect(
      try lines("IAM010", "fail") == [
        "11:21: warning IAM010 VendorRole: statement 1 lets account arn:aws:iam::111122223333:root assume the role without an sts:ExternalId condition",
        "11:53: warning IAM010 VendorRole: statement 1 lets account 444455556666 assume the role without an sts:ExternalId condition",
      ])
  }

  @Test func resourcePolicyWildcardPrincipal() throws {
    #expect(
      try lines("IAM011", "fail") == [
        "13:24: error IAM011 RawPolicy: statement 1 allows any principal (*) to s3:GetObject with no condition on the source, account or organization",
        "17:30: error IAM011 RawPolicy: statement 2 allows any principal (AWS: *) to s3:ListBucket with no condition on the source, account or organization",
        "32:30: error IAM011 AlertsPolicy: statement 1 allows any principal (AWS: *) to sns:Publish with no condition on the source, account or organization",
        "44:24: error IAM011 S3Endpoint: statement 1 allows any principal (*) to * with no condition on the source, account or organization",
        "57:18: error IAM011 BusPolicy: statement 1 allows any principal (*) to events:PutEvents with no condition on the source, account or organization",
      ])
  }

  @Test func keyPolicyFullAccess() throws {
    #expect(
      try lines("IAM012", "fail") == [
        "24:31: error IAM012 DataKey: statement 2 grants kms:* to ${PipelineRole.Arn}; only the account root should hold every key permission",
        "24:57: error IAM012 DataKey: statement 2 grants kms:* to any principal (AWS: *); only the account root should hold every key permission",
      ])
  }

  @Test func malformedPolicy() throws {
    #expect(
      try lines("IAM013", "fail") == [
        "6:23: warning IAM013 StringPolicy: the policy document is a JSON string; it is checked, but findings inside it can only point at the string: write it as a mapping",
        "16:23: unknown IAM013 Imported: the policy document cannot be read: imported from another stack with Fn::ImportValue shared-policy",
      ])
    // What IAM would reject in the same fixture is SCH019's, in `formation validate`.
    #expect(
      try LintFixture.lines("SCH019", Self.theme, "IAM013-fail.yaml") == [
        "12:20: error SCH019 OddStatement: policy PolicyDocument: Statement is a number; expected a mapping or a list of mappings",
        "23:13: error SCH019 NoEffect: policy PolicyDocument: statement 1 has no Effect",
      ])
  }

  @Test func findingsAreScopedToStatementAndAction() throws {
    let template = try LintFixture.template(Self.theme, "IAM002-fail.yaml")
    let rule = try #require(Catalogue.rule(id: "IAM002"))
    let findings = Engine(rules: [rule]).check(template)
    let expected: [[String: String]] = [
      ["statement": "1", "action": "s3:*"], ["statement": "1", "action": "KMS:*"],
    ]
    #expect(findings.map(\.scope) == expected)
    #expect(
      findings.map(\.path) == [
        "Properties.PolicyDocument.Statement.0", "Properties.PolicyDocument.Statement.0",
      ])
  }

  /// A trust principal from a parameter that cannot be `*` (AllowedPattern ^\d{12}$,
  /// AllowedValues, a Number) is one named account: no IAM009 unknown, and IAM010 still asks
  /// for an external id (examples/real-world/iam-policy-shapes.yaml).
  @Test func trustPrincipalsFromConstrainedParameters() throws {
    #expect(
      try LintFixture.lines("IAM009", Self.theme, "IAM009-parameters.yaml") == [
        "56:18: unknown IAM009 OpenRole: cannot tell who may assume the role: parameter AnyPrincipal has no default"
      ])
    #expect(
      try LintFixture.lines("IAM010", Self.theme, "IAM009-parameters.yaml") == [
        "28:18: warning IAM010 AnalystRole: statement 1 lets account arn:aws:iam::${TrustedAccountId}:root assume the role without an sts:ExternalId condition"
      ])
  }
}
