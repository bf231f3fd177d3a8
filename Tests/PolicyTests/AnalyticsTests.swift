import Policy
import Testing

/// Analytics: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct AnalyticsTests {
  static let theme = "analytics"

  static let failures: [String: [String]] = [
      "ATH001": [
        "8:40: warning ATH001 Analysts: clients may override the workgroup configuration (EnforceWorkGroupConfiguration: false)",
      ],
      "GLU001": [
        "8:9: warning GLU001 Catalog: connection passwords are returned in clear text (ReturnConnectionPasswordEncrypted is not set)",
        "8:51: warning GLU001 Catalog: catalog metadata is not encrypted (CatalogEncryptionMode: DISABLED)",
      ],
      "GLU002": [
        "8:9: warning GLU002 Jobs: job bookmarks are not encrypted (no encryption mode)",
        "8:44: warning GLU002 Jobs: S3 data are not encrypted (DISABLED)",
      ],
      "GLU003": [
        "3:3: warning GLU003 Etl: no security configuration applies (SecurityConfiguration is not set)",
        "8:3: warning GLU003 Crawl: no security configuration applies (CrawlerSecurityConfiguration is not set)",
      ],
      "MSK001": [
        "3:3: warning MSK001 Events: cluster publishes no broker logs (no LoggingInfo.BrokerLogs destination enabled)",
        "19:11: warning MSK001 Quiet: cluster publishes no broker logs (no LoggingInfo.BrokerLogs destination enabled)",
      ],
      "MSK002": [
        "11:45: error MSK002 Events: cluster accepts clear-text clients (ClientBroker: TLS_PLAINTEXT)",
        "11:71: error MSK002 Events: brokers replicate in clear text (InCluster: false)",
      ],
      "MSK003": [
        "13:32: error MSK003 Events: brokers have public addresses (PublicAccess.Type: SERVICE_PROVIDED_EIPS)",
      ],
      "QLD001": [
        "5:35: warning QLD001 Journal: ledger lets its callers run every command on every table (PermissionsMode: ALLOW_ALL)",
      ],
      "QLD002": [
        "5:65: warning QLD002 Journal: ledger can be deleted (DeletionProtection: false)",
      ],
      "TSM001": [
        "3:3: warning TSM001 Metrics: database uses the AWS managed key aws/timestream (no KmsKeyId)",
      ],
  ]

  @Test(arguments: Analytics.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: Analytics.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
