import Policy
import Testing

/// StepFunctions: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct StepFunctionsTests {
  static let theme = "step-functions"

  static let failures: [String: [String]] = [
      "SFN001": [
        "3:3: warning SFN001 Silent: state machine logs no executions (no LoggingConfiguration)",
        "14:9: warning SFN001 Off: state machine logs no executions (LoggingConfiguration.Level is OFF)",
      ],
  ]

  @Test(arguments: StepFunctions.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: StepFunctions.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
