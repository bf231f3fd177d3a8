import Policy
import Testing

/// MQ: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct MQTests {
  static let theme = "amazon-mq"

  static let failures: [String: [String]] = [
      "MQ001": [
        "12:27: error MQ001 Events: broker has a public endpoint (PubliclyAccessible: true)",
      ],
      "MQ002": [
        "3:3: warning MQ002 Events: broker publishes no general log (Logs.General is not set)",
        "23:23: warning MQ002 Quiet: broker publishes no general log (Logs.General: false)",
      ],
      "MQ003": [
        "13:13: warning MQ003 Events: broker publishes no audit log (Logs.Audit is not set)",
      ],
      "MQ004": [
        "3:3: warning MQ004 Owned: broker encrypts with a key AWS owns (EncryptionOptions.UseAwsOwnedKey is not false)",
        "23:26: warning MQ004 AwsManaged: broker encrypts with the AWS managed key aws/mq (no KmsKeyId)",
      ],
  ]

  @Test(arguments: MQ.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: MQ.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
