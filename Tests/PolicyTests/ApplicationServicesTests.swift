import Policy
import Testing

/// ApplicationServices: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct ApplicationServicesTests {
  static let theme = "application-services"

  static let failures: [String: [String]] = [
      "APS001": [
        "3:3: warning APS001 Graph: API writes no logs (no LogConfig)",
      ],
      "APS002": [
        "8:102: warning APS002 Graph: API logs no resolver errors (FieldLogLevel: NONE)",
      ],
      "BAK001": [
        "3:3: warning BAK001 Vault: vault uses the AWS managed key aws/backup (no EncryptionKeyArn)",
      ],
      "CBD001": [
        "9:76: error CBD001 Build: build artifacts are not encrypted (Artifacts.EncryptionDisabled: true)",
      ],
      "ECS001": [
        "3:3: info ECS001 Cluster: cluster has no Container Insights (containerInsights is not set)",
        "9:58: info ECS001 Off: cluster has no Container Insights (containerInsights: disabled)",
      ],
      "ECS002": [
        "9:35: error ECS002 Task: EFS volume is mounted without encryption in transit (TransitEncryption is not set)",
      ],
      "VPE001": [
        "3:3: warning VPE001 Service: endpoint service accepts every allowed consumer at once (AcceptanceRequired is not set)",
      ],
      "WSP001": [
        "3:3: warning WSP001 Desk: user volume is not encrypted (UserVolumeEncryptionEnabled is not set)",
      ],
      "WSP002": [
        "5:136: warning WSP002 Desk: root volume is not encrypted (RootVolumeEncryptionEnabled: false)",
      ],
  ]

  @Test(arguments: ApplicationServices.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: ApplicationServices.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
