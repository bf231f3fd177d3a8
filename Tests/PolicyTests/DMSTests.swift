import Policy
import Testing

/// DMS: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct DMSTests {
  static let theme = "dms"

  static let failures: [String: [String]] = [
      "DMS001": [
        "3:3: error DMS001 Default: replication instance has a public address (PubliclyAccessible is not set and defaults to true)",
        "11:27: error DMS001 Public: replication instance has a public address (PubliclyAccessible: true)",
      ],
      "DMS002": [
        "3:3: warning DMS002 Source: endpoint connects without TLS (SslMode is not set and defaults to none)",
        "22:16: warning DMS002 Target: endpoint connects without TLS (SslMode: none)",
      ],
  ]

  @Test(arguments: DMS.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: DMS.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
