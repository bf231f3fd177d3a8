import Policy
import Testing

/// ElastiCache replication groups: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct ElastiCacheTests {
  static let theme = "elasticache"

  @Test(arguments: ElastiCache.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: ElastiCache.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func eca001() throws {
    #expect(
      try LintFixture.lines("ECA001", Self.theme, "ECA001-fail.yaml") == [
        "3:3: error ECA001 Sessions: replication group is not encrypted at rest: AtRestEncryptionEnabled is not set and defaults to false",
        "12:32: error ECA001 Tokens: replication group is not encrypted at rest (AtRestEncryptionEnabled: false)",
      ])
  }

  @Test func eca002() throws {
    #expect(
      try LintFixture.lines("ECA002", Self.theme, "ECA002-fail.yaml") == [
        "3:3: error ECA002 Sessions: replication group is not encrypted in transit: TransitEncryptionEnabled is not set and defaults to false",
        "12:33: error ECA002 Tokens: replication group is not encrypted in transit (TransitEncryptionEnabled: false)",
      ])
  }

  @Test func eca003() throws {
    #expect(
      try LintFixture.lines("ECA003", Self.theme, "ECA003-fail.yaml") == [
        "3:3: error ECA003 Sessions: replication group lets any client in: neither AuthToken nor UserGroupIds is set",
        "9:3: error ECA003 Tokens: replication group lets any client in: neither AuthToken nor UserGroupIds is set",
        "15:3: error ECA003 PlainToken: replication group sets AuthToken or UserGroupIds without TransitEncryptionEnabled: true, which authentication requires",
      ])
  }
}
