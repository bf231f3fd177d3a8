import Policy
import Testing

/// EFS file systems: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct FileSystemsTests {
  static let theme = "file-systems"

  @Test(arguments: FileSystems.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: FileSystems.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func efs001() throws {
    #expect(
      try LintFixture.lines("EFS001", Self.theme, "EFS001-fail.yaml") == [
        "6:3: error EFS001 Shared: file system is not encrypted: Encrypted is not set and defaults to false",
        "13:18: error EFS001 Scratch: file system is not encrypted (Encrypted: false)",
        "17:18: unknown EFS001 Chosen: cannot tell whether the file system is encrypted: parameter Encrypt has no default",
      ])
  }

  @Test func efs002() throws {
    #expect(
      try LintFixture.lines("EFS002", Self.theme, "EFS002-fail.yaml") == [
        "3:3: warning EFS002 Shared: file system is encrypted with the AWS managed key aws/elasticfilesystem; set KmsKeyId to a customer-managed key",
        "11:17: warning EFS002 Home: uses the AWS managed key alias/aws/elasticfilesystem, not a customer-managed key",
      ])
  }
}
