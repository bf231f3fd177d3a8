import Policy
import Testing

/// Redshift clusters: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct RedshiftClustersTests {
  static let theme = "redshift"

  @Test(arguments: RedshiftClusters.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: RedshiftClusters.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func rsh001() throws {
    #expect(
      try LintFixture.lines("RSH001", Self.theme, "RSH001-fail.yaml") == [
        "3:3: warning RSH001 Warehouse: cluster does not set Encrypted: true, so it relies on Redshift's default encryption (an AWS owned key, for clusters created since January 2025) instead of a key the template chooses",
        "13:18: error RSH001 Archive: cluster is not encrypted (Encrypted: false)",
      ])
  }

  @Test func rsh002() throws {
    #expect(
      try LintFixture.lines("RSH002", Self.theme, "RSH002-fail.yaml") == [
        "8:27: error RSH002 Warehouse: cluster is publicly accessible (PubliclyAccessible: true)",
        "9:3: info RSH002 Defaulted: cluster does not set PubliclyAccessible, so Redshift's default decides (private for clusters created since January 2025); set it false",
      ])
  }

  @Test func rsh003() throws {
    #expect(
      try LintFixture.lines("RSH003", Self.theme, "RSH003-fail.yaml") == [
        "3:3: warning RSH003 Warehouse: cluster keeps no audit logs: LoggingProperties is not set"
      ])
  }

  @Test func rsh004() throws {
    #expect(
      try LintFixture.lines("RSH004", Self.theme, "RSH004-fail.yaml") == [
        "3:3: warning RSH004 Warehouse: cluster runs in the default VPC: ClusterSubnetGroupName is not set"
      ])
  }

  @Test func rsh005() throws {
    #expect(
      try LintFixture.lines("RSH005", Self.theme, "RSH005-fail.yaml") == [
        "3:3: warning RSH005 Defaults: parameter group does not set require_ssl, so clients may connect without TLS",
        "18:27: warning RSH005 Plain: parameter group lets clients connect without TLS (require_ssl: false)",
      ])
  }
}
