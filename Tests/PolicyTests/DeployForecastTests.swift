import Foundation
import Policy
import Template
import Testing

/// Deploy forecast: every failing fixture gives exactly these findings (line:column, severity,
/// rule, logical id, message), every passing fixture none; and the rules find the defects of
/// the GeneXOmics stacks as they were before their review (`Fixtures/genexomics-before`).
@Suite struct DeployForecastTests {
  static let theme = "deploy-forecast"

  @Test(arguments: DeployForecast.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test func dep001() throws {
    #expect(
      try LintFixture.lines("DEP001", Self.theme, "DEP001-fail.yaml") == [
        "14:18: error DEP001 OrdersKeyAlias: alias name 'alias/orders' is the same in every deployment, but the template is deployed once per Stage: the second deployment in an account fails because the name exists; put ${Stage} in it",
        "19:18: error DEP001 OrdersTable: table name 'orders-${AWS::Region}' is the same in every deployment, but the template is deployed once per Stage: the second deployment in an account fails because the name exists; put ${Stage} in it",
        "30:17: error DEP001 WorkerRole: role name 'orders-worker' is the same in every deployment, but the template is deployed once per Stage: the second deployment in an account fails because the name exists; put ${Stage} in it",
      ])
  }

  @Test func dep002() throws {
    #expect(
      try LintFixture.lines("DEP002", Self.theme, "DEP002-fail.yaml") == [
        "10:19: warning DEP002 Fixed: bucket name 'acme-invoices' must be unique in all of AWS and has no account id in it: if any account holds it the stack fails; add ${AWS::AccountId} or leave BucketName out",
        "14:19: warning DEP002 PerEnvironment: bucket name 'acme-invoices-${Environment}' must be unique in all of AWS and has no account id in it: if any account holds it the stack fails; add ${AWS::AccountId} or leave BucketName out",
      ])
  }

  @Test func dep003() throws {
    #expect(
      try LintFixture.lines("DEP003", Self.theme, "DEP003-fail.yaml") == [
        "21:12: error DEP003 JobArn: export of Job's Ref (the job definition's ARN with its revision) changes on an ordinary update, and CloudFormation then refuses to update this stack while another stack imports it; export a value that stays the same",
        "25:12: error DEP003 TemplateVersion: export of Template's LatestVersionNumber (the launch template's latest version, one more with every change) changes on an ordinary update, and CloudFormation then refuses to update this stack while another stack imports it; export a value that stays the same",
      ])
  }

  @Test func dep004() throws {
    #expect(
      try LintFixture.lines("DEP004", Self.theme, "DEP004-fail.yaml") == [
        "19:18: error DEP004 VolumeKey: policy names the service-linked role AWSServiceRoleForAutoScaling as a principal: it exists only after its service first created it, so the policy is rejected in a fresh account; name it in an aws:PrincipalArn condition instead",
        "33:18: warning DEP004 ReportsPolicy: policy names arn:aws:iam::111122223333:role/report-reader as a principal: the policy is rejected unless it exists when the policy is set, and nothing in this template creates it first; name it in an aws:PrincipalArn condition or create it here",
      ])
  }

  @Test func dep005() throws {
    #expect(
      try LintFixture.lines("DEP005", Self.theme, "DEP005-fail.yaml") == [
        "19:37: warning DEP005 Ingest: the template reserves 7 concurrent executions over 2 functions; an account on the new-account quota (10) can reserve none, so the deployment fails there"
      ])
  }

  @Test func dep006() throws {
    #expect(
      try LintFixture.lines("DEP006", Self.theme, "DEP006-fail.yaml") == [
        "7:26: warning DEP006 Archive: Object Lock can never be turned off, and changing ObjectLockEnabled replaces the bucket, which fails while BucketName is fixed; decide it before the first deployment",
        "13:26: error DEP006 LockedWithoutVersions: Object Lock needs versioning Enabled, and VersioningConfiguration is not set: S3 rejects the bucket",
        "18:17: info DEP006 Paused: versioning is Suspended: a bucket once versioned never becomes unversioned again, and its old versions stay (and cost) until a lifecycle rule expires them",
      ])
  }

  /// The defects D1–D5 of the GeneXOmics review, each found in the stacks as they were.
  @Test func findsTheReviewedDefectsInTheOldGeneXOmicsStacks() throws {
    func findings(_ file: String) throws -> [String] {
      let template = try LintFixture.template("genexomics-before", file)
      return Engine(rules: DeployForecast.rules).check(template).map {
        "\($0.ruleID) \($0.logicalID ?? "-")"
      }
    }
    let keys = try findings("keys.yaml")
    #expect(keys.contains("DEP004 DataKey"), "D1: the Auto Scaling service-linked role as a principal")
    for alias in ["DataKeyAlias", "LogsKeyAlias", "MessagingKeyAlias"] {
      #expect(keys.contains("DEP001 \(alias)"), "D2: \(alias) without the environment")
    }
    #expect(
      try findings("orchestration.yaml").contains("DEP005 TriggerFunction"),
      "D3: 12 reserved executions")
    let storage = try findings("storage.yaml")
    for bucket in ["RawBucket", "WorkBucket", "ReferencesBucket", "ResultsBucket"] {
      #expect(storage.contains("DEP002 \(bucket)"), "D4: \(bucket)'s global name")
    }
    #expect(
      try findings("compute.yaml").contains("DEP003 ExportNextflowHeadJobDefinitionRef"),
      "D5: the revisioned job definition exported")
  }

  /// The reviewed stacks (`generated/`) give no deploy-forecast finding but the Object Lock
  /// decision, which the raw bucket suppresses with its reason.
  @Test func theReviewedStacksAreClean() throws {
    let generated = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("generated")
    var findings: [String] = []
    for name in [
      "keys", "network", "storage", "data", "compute", "ingestion", "orchestration", "monitoring",
    ] {
      let path = generated.appendingPathComponent("\(name).yaml")
      let template = try Template.parse(String(contentsOf: path, encoding: .utf8), file: path.path)
      findings += Engine(rules: DeployForecast.rules).check(template).map {
        "\(name) \($0.ruleID) \($0.logicalID ?? "-")"
      }
    }
    #expect(findings == ["storage DEP006 RawBucket"])
  }
}
