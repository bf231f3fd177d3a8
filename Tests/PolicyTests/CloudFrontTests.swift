import Policy
import Testing

/// CloudFront: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct CloudFrontTests {
  static let theme = "cloudfront"

  static let failures: [String: [String]] = [
      "CDN001": [
        "14:33: error CDN001 Site: the default cache behaviour serves viewers over plain HTTP (ViewerProtocolPolicy: allow-all)",
        "23:35: error CDN001 Site: a cache behaviour serves viewers over plain HTTP (ViewerProtocolPolicy: allow-all)",
      ],
      "CDN002": [
        "7:9: warning CDN002 DefaultCertificate: distribution has no ViewerCertificate and uses the default *.cloudfront.net certificate, which accepts TLS 1.0",
        "21:35: warning CDN002 OldProtocol: distribution accepts protocols older than TLS 1.2 (MinimumProtocolVersion: TLSv1.1_2016)",
        "29:28: warning CDN002 ExplicitDefault: distribution uses the default *.cloudfront.net certificate, which accepts TLS 1.0 (CloudFrontDefaultCertificate: true)",
      ],
      "CDN003": [
        "7:9: warning CDN003 Site: distribution writes no access logs (DistributionConfig.Logging)",
      ],
      "CDN004": [
        "11:56: warning CDN004 Site: custom origin is reached over plain HTTP (OriginProtocolPolicy: http-only)",
        "14:56: warning CDN004 Site: custom origin is reached over plain HTTP (OriginProtocolPolicy: match-viewer)",
      ],
      "CDN005": [
        "7:9: info CDN005 Site: distribution has no web ACL (WebACLId)",
      ],
  ]

  @Test(arguments: CloudFront.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: CloudFront.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
