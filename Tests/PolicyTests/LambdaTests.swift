import Policy
import Testing

/// Lambda: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct LambdaTests {
  static let theme = "lambda"

  static let failures: [String: [String]] = [
      "LMB001": [
        "6:16: warning LMB001 Legacy: function runs on the deprecated runtime python3.7",
      ],
      "LMB002": [
        "3:3: info LMB002 Worker: function has no concurrency limit (ReservedConcurrentExecutions is not set)",
      ],
      "LMB003": [
        #"8:13: warning LMB003 Url: function URL allows every origin and every method (Cors AllowOrigins and AllowMethods "*")"#,
      ],
  ]

  @Test(arguments: Lambda.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: Lambda.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
