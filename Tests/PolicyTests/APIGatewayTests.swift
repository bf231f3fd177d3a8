import Policy
import Testing

/// APIGateway: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct APIGatewayTests {
  static let theme = "api-gateway"

  static let failures: [String: [String]] = [
      "API001": [
        "12:26: warning API001 GetOrders: GET method requires no authorization (AuthorizationType: NONE) and no API key",
        "14:3: warning API001 PostOrders: POST method has no AuthorizationType (NONE) and requires no API key",
      ],
      "API002": [
        "3:3: warning API002 Prod: stage writes no access logs (no access log DestinationArn)",
        "9:3: warning API002 Http: stage writes no access logs (no access log DestinationArn)",
      ],
      "API003": [
        "8:23: warning API003 Legacy: custom domain accepts TLS 1.0 (SecurityPolicy: TLS_1_0)",
        "14:11: warning API003 Unset: custom domain has no SecurityPolicy and accepts TLS 1.0",
      ],
      "API004": [
        "10:11: warning API004 Prod: caching is enabled without CacheDataEncrypted (defaults to false)",
        "20:29: warning API004 Deployment: caching is enabled with CacheDataEncrypted: false",
      ],
      "API005": [
        "3:3: info API005 Prod: stage does not trace requests with X-Ray (TracingEnabled is not set)",
      ],
  ]

  @Test(arguments: APIGateway.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: APIGateway.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
