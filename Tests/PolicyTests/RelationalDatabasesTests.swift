import Policy
import Testing

/// RDS DB instances and clusters: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct RelationalDatabasesTests {
  static let theme = "relational-databases"

  @Test(arguments: RelationalDatabases.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: RelationalDatabases.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func rds001() throws {
    #expect(
      try LintFixture.lines("RDS001", Self.theme, "RDS001-fail.yaml") == [
        "5:3: error RDS001 Orders: instance storage is not encrypted: StorageEncrypted is not set and defaults to false",
        "15:48: error RDS001 Ledger: cluster storage is not encrypted (StorageEncrypted: false) (when condition Production is false)",
        "22:3: unknown RDS001 Restored: cannot tell whether the storage is encrypted: it is restored from snapshot orders-before-migration and keeps that snapshot's encryption",
        "27:3: unknown RDS001 Replica: cannot tell whether the storage is encrypted: a read replica is encrypted as its source arn:aws:rds:eu-west-1:111111111111:db:orders is, which this template does not define",
      ])
  }

  @Test func rds002() throws {
    #expect(
      try LintFixture.lines("RDS002", Self.theme, "RDS002-fail.yaml") == [
        "3:3: warning RDS002 Orders: instance storage is encrypted with the AWS managed key aws/rds; set KmsKeyId to a customer-managed key",
        "14:17: warning RDS002 Ledger: uses the AWS managed key alias/aws/rds, not a customer-managed key",
      ])
  }

  @Test func rds003() throws {
    #expect(
      try LintFixture.lines("RDS003", Self.theme, "RDS003-fail.yaml") == [
        "3:3: error RDS003 DefaultVpc: instance may be public: without DBSubnetGroupName it is created in the default VPC, where PubliclyAccessible defaults to true",
        "14:27: error RDS003 Public: instance is publicly accessible (PubliclyAccessible: true)",
        "21:27: error RDS003 Writer: instance is publicly accessible (PubliclyAccessible: true)",
      ])
  }

  @Test func rds004() throws {
    #expect(
      try LintFixture.lines("RDS004", Self.theme, "RDS004-fail.yaml") == [
        "6:3: warning RDS004 Default: instance keeps automated backups 1 day: BackupRetentionPeriod is not set",
        "16:30: warning RDS004 Off: instance has automated backups turned off (BackupRetentionPeriod: 0)",
        "21:30: warning RDS004 Short: cluster keeps automated backups only 3 days; keep at least 7",
        "26:30: unknown RDS004 Chosen: cannot tell whether backups are kept 7 days: parameter Days has no default",
      ])
  }

  @Test func rds005() throws {
    #expect(
      try LintFixture.lines("RDS005", Self.theme, "RDS005-fail.yaml") == [
        "3:3: warning RDS005 Orders: instance can be deleted: DeletionProtection is not set and defaults to false",
        "12:27: warning RDS005 Ledger: cluster can be deleted (DeletionProtection: false)",
      ])
  }

  @Test func rds006() throws {
    #expect(
      try LintFixture.lines("RDS006", Self.theme, "RDS006-fail.yaml") == [
        "6:3: warning RDS006 Orders: instance accepts only passwords: EnableIAMDatabaseAuthentication is not set",
        "15:40: warning RDS006 Ledger: cluster accepts only passwords (EnableIAMDatabaseAuthentication: false)",
        "19:15: unknown RDS006 Chosen: cannot tell whether the engine supports IAM authentication: parameter Engine has no default",
      ])
  }

  @Test func rds007() throws {
    #expect(
      try LintFixture.lines("RDS007", Self.theme, "RDS007-fail.yaml") == [
        "3:3: warning RDS007 Orders: instance exports no logs: EnableCloudwatchLogsExports is not set",
        "12:36: warning RDS007 Ledger: cluster exports no logs: EnableCloudwatchLogsExports is empty",
      ])
  }

  @Test func rds008() throws {
    #expect(
      try LintFixture.lines("RDS008", Self.theme, "RDS008-fail.yaml") == [
        "8:32: warning RDS008 Orders: instance does not apply minor version upgrades (AutoMinorVersionUpgrade: false)"
      ])
  }

  @Test func rds009() throws {
    #expect(
      try LintFixture.lines("RDS009", Self.theme, "RDS009-fail.yaml") == [
        "3:3: info RDS009 Orders: instance runs in one Availability Zone: MultiAZ is not set",
        "13:16: info RDS009 Reports: instance runs in one Availability Zone (MultiAZ: false)",
      ])
  }

  @Test func rds010() throws {
    #expect(
      try LintFixture.lines("RDS010", Self.theme, "RDS010-fail.yaml") == [
        "3:3: info RDS010 Orders: instance has no enhanced monitoring: MonitoringInterval is not set",
        "13:27: info RDS010 Reports: instance has no enhanced monitoring (MonitoringInterval: 0)",
      ])
  }
}
