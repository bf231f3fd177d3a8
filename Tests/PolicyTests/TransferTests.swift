import Policy
import Testing

/// Transfer: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct TransferTests {
  static let theme = "transfer"

  static let failures: [String: [String]] = [
      "TRF001": [
        "8:25: error TRF001 Files: server offers plain FTP, which sends passwords and files in clear text",
      ],
      "TRF002": [
        "3:3: warning TRF002 Default: server has a public endpoint (EndpointType is not set and defaults to PUBLIC)",
        "10:21: warning TRF002 Public: server has a public endpoint (EndpointType: PUBLIC)",
      ],
  ]

  @Test(arguments: Transfer.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: Transfer.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
