import Policy
import Testing

/// Cognito: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct CognitoTests {
  static let theme = "cognito"

  static let failures: [String: [String]] = [
      "COG001": [
        "6:39: warning COG001 Visitors: identity pool gives AWS credentials to unauthenticated guests (AllowUnauthenticatedIdentities: true)",
      ],
  ]

  @Test(arguments: Cognito.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: Cognito.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
