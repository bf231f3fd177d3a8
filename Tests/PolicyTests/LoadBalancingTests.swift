import Policy
import Testing

/// LoadBalancing: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct LoadBalancingTests {
  static let theme = "load-balancing"

  static let failures: [String: [String]] = [
      "ELB001": [
        "8:17: error ELB001 Plain: listener serves plain HTTP without redirecting to HTTPS (Protocol: HTTP)",
        "17:17: error ELB001 RedirectToHttp: listener serves plain HTTP without redirecting to HTTPS (Protocol: HTTP)",
      ],
      "ELB002": [
        "3:3: warning ELB002 DefaultPolicy: HTTPS listener has no SslPolicy and uses ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1",
        "19:18: warning ELB002 OldPolicy: TLS listener's SslPolicy ELBSecurityPolicy-TLS-1-1-2017-01 accepts protocols older than TLS 1.2",
      ],
      "ELB003": [
        "3:3: warning ELB003 NoAttributes: load balancer writes no access logs (access_logs.s3.enabled is not set)",
        "14:18: warning ELB003 LogsOff: load balancer access logs are disabled (access_logs.s3.enabled: false)",
      ],
      "ELB004": [
        "3:3: warning ELB004 Web: load balancer forwards invalid HTTP header fields (routing.http.drop_invalid_header_fields.enabled is not set)",
        "17:18: warning ELB004 Explicit: load balancer forwards invalid HTTP header fields (routing.http.drop_invalid_header_fields.enabled: false)",
      ],
      "ELB005": [
        "10:21: error ELB005 Legacy: listener accepts clear-text HTTP from clients",
      ],
      "ELB006": [
        "3:3: warning ELB006 Legacy: load balancer writes no access logs (AccessLoggingPolicy.Enabled is not set)",
      ],
  ]

  @Test(arguments: LoadBalancing.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: LoadBalancing.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
