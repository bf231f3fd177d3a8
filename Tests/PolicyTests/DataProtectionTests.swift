import Policy
import Testing

/// Lifecycle and data protection: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct DataProtectionTests {
  static let theme = "data-protection"

  @Test(arguments: DataProtection.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: DataProtection.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func dat001() throws {
    #expect(
      try LintFixture.lines("DAT001", Self.theme, "DAT001-fail.yaml") == [
        "3:3: warning DAT001 Raw: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "10:11: warning DAT001 AllDisabled: bucket has no enabled lifecycle rule",
      ])
  }

  @Test func dat002() throws {
    #expect(
      try LintFixture.lines("DAT002", Self.theme, "DAT002-fail.yaml") == [
        "3:3: warning DAT002 Raw: AWS::S3::Bucket is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "8:21: warning DAT002 Samples: AWS::DynamoDB::Table is deleted with its stack: DeletionPolicy is Delete; set Retain",
        "14:3: warning DAT002 DataKey: AWS::KMS::Key is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
      ])
  }

  @Test func dat003() throws {
    #expect(
      try LintFixture.lines("DAT003", Self.theme, "DAT003-fail.yaml") == [
        "3:3: warning DAT003 Logs: AWS::Logs::LogGroup is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "9:26: warning DAT003 Samples: AWS::DynamoDB::Table is deleted when an update replaces it: UpdateReplacePolicy is Delete; set Retain",
      ])
  }
}
