import Policy
import Testing

/// Neptune and DocumentDB clusters: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct DocumentAndGraphDatabasesTests {
  static let theme = "document-and-graph-databases"

  @Test(arguments: DocumentAndGraphDatabases.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: DocumentAndGraphDatabases.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func gdb001() throws {
    #expect(
      try LintFixture.lines("GDB001", Self.theme, "GDB001-fail.yaml") == [
        "3:3: error GDB001 Graph: cluster storage is not encrypted: StorageEncrypted is not set and defaults to false",
        "10:25: error GDB001 Documents: cluster storage is not encrypted (StorageEncrypted: false)",
      ])
  }

  @Test func gdb002() throws {
    #expect(
      try LintFixture.lines("GDB002", Self.theme, "GDB002-fail.yaml") == [
        "3:3: warning GDB002 Graph: cluster exports no audit log: EnableCloudwatchLogsExports is not set",
        "10:36: warning GDB002 Documents: cluster exports no audit log: EnableCloudwatchLogsExports lacks audit",
      ])
  }

  @Test func gdb003() throws {
    #expect(
      try LintFixture.lines("GDB003", Self.theme, "GDB003-fail.yaml") == [
        "3:3: warning GDB003 Graph: cluster keeps automated backups 1 day: BackupRetentionPeriod is not set",
        "10:30: warning GDB003 Documents: cluster keeps automated backups only 3 days; keep at least 7",
      ])
  }

  @Test func gdb004() throws {
    #expect(
      try LintFixture.lines("GDB004", Self.theme, "GDB004-fail.yaml") == [
        "9:14: error GDB004 Settings: parameter group turns TLS off (tls: disabled)"
      ])
  }

  @Test func gdb005() throws {
    #expect(
      try LintFixture.lines("GDB005", Self.theme, "GDB005-fail.yaml") == [
        "9:9: warning GDB005 Defaults: parameter group does not audit: audit_logs is not set and defaults to disabled",
        "16:21: warning GDB005 Off: parameter group does not audit (audit_logs: disabled)",
      ])
  }
}
