import Policy
import Template
import Testing

/// Batch and events: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct BatchAndEventsTests {
  static let theme = "batch-and-events"

  @Test(arguments: BatchAndEvents.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: BatchAndEvents.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func bat001() throws {
    #expect(
      try LintFixture.lines("BAT001", Self.theme, "BAT001-fail.yaml") == [
        "9:21: error BAT001 Align: job definition runs a privileged container",
        "22:27: error BAT001 MultiNode: job definition runs a privileged container",
      ])
  }

  @Test func bat002() throws {
    #expect(
      try LintFixture.lines("BAT002", Self.theme, "BAT002-fail.yaml") == [
        "8:9: error BAT002 NoTemplate: compute environment has no launch template, so its volumes' encryption is left to the AMI and account default",
        "29:29: error BAT002 WithPlainTemplate: launch template PlainWorkers does not set Ebs.Encrypted: true on every volume it defines",
      ])
  }

  @Test func bat003() throws {
    #expect(
      try LintFixture.lines("BAT003", Self.theme, "BAT003-fail.yaml") == [
        "15:11: warning BAT003 Upload: rule target Trigger has no DeadLetterConfig; events that cannot be delivered are dropped",
        "17:11: warning BAT003 Upload: rule target arn:aws:lambda:eu-west-1:111122223333:function:notify has no DeadLetterConfig; events that cannot be delivered are dropped",
      ])
  }

  @Test func bat004() throws {
    #expect(
      try LintFixture.lines("BAT004", Self.theme, "BAT004-fail.yaml") == [
        "3:3: warning BAT004 Transfer: DataSync task has no CloudWatchLogGroupArn; transfer errors are not logged"
      ])
  }

  @Test func bat005() throws {
    #expect(
      try LintFixture.lines("BAT005", Self.theme, "BAT005-fail.yaml") == [
        "10:21: error BAT005 Transfer: DataSync task does not verify transferred data (VerifyMode: NONE)"
      ])
  }

  @Test func bat006() throws {
    #expect(
      try LintFixture.lines("BAT006", Self.theme, "BAT006-fail.yaml") == [
        "17:17: error BAT006 JobRole: Batch role JobRole (assumable by ecs-tasks.amazonaws.com in a template with Batch resources) can kms:DisableKey: allowed by statement 1 (Sid UseAndManageKeys)",
        "17:17: error BAT006 JobRole: Batch role JobRole (assumable by ecs-tasks.amazonaws.com in a template with Batch resources) can kms:ScheduleKeyDeletion: allowed by statement 1 (Sid UseAndManageKeys)",
      ])
  }

  @Test func bat006SuppressedForOneAction() throws {
    var template = try LintFixture.template(Self.theme, "BAT006-fail.yaml")
    let suppression: Value = [
      "formation": [
        "suppress": [
          ["rule": "BAT006", "reason": "break-glass key disable", "action": "kms:DisableKey"]
        ]
      ]
    ]
    template.resources["JobRole"]?.metadata = suppression
    let rule = try #require(Catalogue.rule(id: "BAT006"))
    let findings = Engine(rules: [rule]).check(template)
    let applied = SuppressionPass(knownRules: ["BAT006"], rulesRun: ["BAT006"]).apply(
      to: findings, of: template)
    #expect(
      applied.map { "\($0.scope["action"] ?? "") \($0.isSuppressed)" } == [
        "kms:DisableKey true", "kms:ScheduleKeyDeletion false",
      ])
  }
}
