import Policy
import Testing

/// Kinesis and Firehose streams: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct StreamsTests {
  static let theme = "streams"

  @Test(arguments: Streams.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: Streams.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func str001() throws {
    #expect(
      try LintFixture.lines("STR001", Self.theme, "STR001-fail.yaml") == [
        "3:3: error STR001 Events: stream is not encrypted: StreamEncryption is not set",
        "12:25: error STR001 Clicks: stream is not encrypted (EncryptionType: NONE)",
        "18:9: error STR001 NoKey: stream encryption names no KeyId, which KMS encryption requires",
      ])
  }

  @Test func str002() throws {
    #expect(
      try LintFixture.lines("STR002", Self.theme, "STR002-fail.yaml") == [
        "3:3: warning STR002 Delivery: delivery stream is not encrypted: DeliveryStreamEncryptionConfigurationInput.KeyType is not set",
        "13:51: warning STR002 Defaulted: delivery stream is not encrypted: DeliveryStreamEncryptionConfigurationInput.KeyType is not set",
      ])
  }
}
