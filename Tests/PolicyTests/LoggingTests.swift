import Policy
import Testing

/// Logging, versioning and backup: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct LoggingTests {
  static let theme = "logging"

  @Test(arguments: Logging.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: Logging.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func log001() throws {
    #expect(
      try LintFixture.lines("LOG001", Self.theme, "LOG001-fail.yaml") == [
        "3:3: warning LOG001 Raw: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
        "5:3: warning LOG001 Undocumented: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
      ])
  }

  @Test func log002() throws {
    #expect(
      try LintFixture.lines("LOG002", Self.theme, "LOG002-fail.yaml") == [
        "3:3: warning LOG002 Raw: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered",
        "9:17: warning LOG002 Results: bucket versioning is Suspended, not Enabled",
      ])
  }

  @Test func log003() throws {
    #expect(
      try LintFixture.lines("LOG003", Self.theme, "LOG003-fail.yaml") == [
        "3:3: warning LOG003 Samples: table has no point-in-time recovery (PointInTimeRecoveryEnabled is not set)"
      ])
  }

  @Test func log004() throws {
    #expect(
      try LintFixture.lines("LOG004", Self.theme, "LOG004-fail.yaml") == [
        "3:3: warning LOG004 Logs: log group has no RetentionInDays, so it keeps events forever"
      ])
  }

  @Test func log005() throws {
    #expect(
      try LintFixture.lines("LOG005", Self.theme, "LOG005-fail.yaml") == [
        "3:3: warning LOG005 Images: repository does not scan images on push"
      ])
  }

  @Test func log006() throws {
    #expect(
      try LintFixture.lines("LOG006", Self.theme, "LOG006-fail.yaml") == [
        "3:3: warning LOG006 Images: repository tags are mutable (ImageTagMutability defaults to MUTABLE)",
        "8:27: warning LOG006 Tools: repository tags are mutable (ImageTagMutability MUTABLE)",
      ])
  }

  @Test func log007() throws {
    #expect(
      try LintFixture.lines("LOG007", Self.theme, "LOG007-fail.yaml") == [
        "3:3: warning LOG007 Trigger: function has no DeadLetterConfig and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped"
      ])
  }

  @Test func log008() throws {
    #expect(
      try LintFixture.lines("LOG008", Self.theme, "LOG008-fail.yaml") == [
        "3:3: warning LOG008 Silent: alarm has no AlarmActions, so nobody is told when it fires",
        "16:23: warning LOG008 Muted: alarm actions are disabled (ActionsEnabled: false)",
      ])
  }

  /// Alarms a composite alarm with actions fires on are covered, however the AlarmRule names
  /// them (examples/real-world/cloudwatch-dashboard.yaml).
  @Test func log008CoveredByCompositeAlarm() throws {
    #expect(try LintFixture.lines("LOG008", Self.theme, "LOG008-pass-composite.yaml") == [])
  }

  /// A composite without actions, NOT and OK terms, and a term in one Fn::If branch only
  /// cover nothing.
  @Test func log008NotCoveredByCompositeAlarm() throws {
    let silent = "alarm has no AlarmActions, so nobody is told when it fires"
    #expect(
      try LintFixture.lines("LOG008", Self.theme, "LOG008-fail-composite.yaml") == [
        "10:3: warning LOG008 Errors: \(silent)",
        "20:3: warning LOG008 Throttles: \(silent)",
        "30:3: warning LOG008 Duration: \(silent)",
        "40:3: warning LOG008 Invocations: \(silent)",
        "50:3: warning LOG008 Unwatched: \(silent)",
      ])
  }

  /// `Fn::FindInMap` keyed by a parameter without a default: one branch per value the
  /// parameter can take (examples/real-world/nested-intrinsics.yaml).
  @Test func log004FindInMapOverEveryParameterValue() throws {
    #expect(try LintFixture.lines("LOG004", Self.theme, "LOG004-pass-findinmap.yaml") == [])
    let question = "cannot tell whether retention is set"
    #expect(
      try LintFixture.lines("LOG004", Self.theme, "LOG004-fail-findinmap.yaml") == [
        "29:24: unknown LOG004 AppLogs: \(question): mapping EnvironmentSettings has no value for test.LogRetention (when parameter Environment is test)",
        "33:24: unknown LOG004 TierLogs: \(question): mapping TierSettings has no value for silver.LogRetention (when parameter Tier is silver)",
        "37:24: unknown LOG004 NamedLogs: \(question): an Fn::FindInMap key is only known at deploy time: parameter Names has no default",
      ])
  }
}
