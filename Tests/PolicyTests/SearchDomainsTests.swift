import Policy
import Testing

/// OpenSearch and Elasticsearch domains: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct SearchDomainsTests {
  static let theme = "search-domains"

  @Test(arguments: SearchDomains.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: SearchDomains.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func srch001() throws {
    #expect(
      try LintFixture.lines("SRCH001", Self.theme, "SRCH001-fail.yaml") == [
        "3:3: error SRCH001 Search: domain is not encrypted at rest: EncryptionAtRestOptions.Enabled is not set",
        "11:18: error SRCH001 Legacy: domain is not encrypted at rest (EncryptionAtRestOptions.Enabled: false)",
      ])
  }

  @Test func srch002() throws {
    #expect(
      try LintFixture.lines("SRCH002", Self.theme, "SRCH002-fail.yaml") == [
        "3:3: error SRCH002 Search: domain sends node-to-node traffic unencrypted: NodeToNodeEncryptionOptions.Enabled is not set",
        "11:18: error SRCH002 Legacy: domain sends node-to-node traffic unencrypted (NodeToNodeEncryptionOptions.Enabled: false)",
      ])
  }

  @Test func srch003() throws {
    #expect(
      try LintFixture.lines("SRCH003", Self.theme, "SRCH003-fail.yaml") == [
        "3:3: error SRCH003 Search: domain accepts plain HTTP: DomainEndpointOptions.EnforceHTTPS is not set",
        "11:23: error SRCH003 Legacy: domain accepts plain HTTP (DomainEndpointOptions.EnforceHTTPS: false)",
      ])
  }

  @Test func srch004() throws {
    #expect(
      try LintFixture.lines("SRCH004", Self.theme, "SRCH004-fail.yaml") == [
        "7:9: warning SRCH004 Search: domain accepts TLS 1.0: TLSSecurityPolicy is not set and defaults to Policy-Min-TLS-1-0-2019-07",
        "13:28: warning SRCH004 Legacy: domain accepts TLS 1.0 (TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07)",
      ])
  }

  @Test func srch005() throws {
    #expect(
      try LintFixture.lines("SRCH005", Self.theme, "SRCH005-fail.yaml") == [
        "3:3: warning SRCH005 Search: domain has a public endpoint: VPCOptions is not set, so only its access policy limits who reaches it"
      ])
  }

  @Test func srch006() throws {
    #expect(
      try LintFixture.lines("SRCH006", Self.theme, "SRCH006-fail.yaml") == [
        "3:3: warning SRCH006 Search: domain publishes no logs: LogPublishingOptions is not set",
        "11:9: warning SRCH006 Legacy: domain publishes no logs: no LogPublishingOptions entry is enabled",
      ])
  }

  @Test func srch007() throws {
    #expect(
      try LintFixture.lines("SRCH007", Self.theme, "SRCH007-fail.yaml") == [
        "7:9: warning SRCH007 Search: domain publishes no audit logs: LogPublishingOptions.AUDIT_LOGS is not enabled",
        "15:20: warning SRCH007 Legacy: domain publishes no audit logs (AUDIT_LOGS.Enabled: false)",
      ])
  }
}
