import Policy
import Testing

/// DynamoDB global tables and DAX clusters: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct DynamoDBTests {
  static let theme = "dynamodb"

  @Test(arguments: DynamoDB.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: DynamoDB.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func ddb001() throws {
    #expect(
      try LintFixture.lines("DDB001", Self.theme, "DDB001-fail.yaml") == [
        "12:11: warning DDB001 Sessions: global table replica has no point-in-time recovery (PointInTimeRecoveryEnabled is not set)",
        "14:74: warning DDB001 Sessions: global table replica has point-in-time recovery turned off",
      ])
  }

  @Test func ddb002() throws {
    #expect(
      try LintFixture.lines("DDB002", Self.theme, "DDB002-fail.yaml") == [
        "3:3: error DDB002 Plain: global table is encrypted with an AWS owned key; set SSESpecification with customer-managed keys",
        "18:11: error DDB002 Managed: global table replica uses the AWS managed key aws/dynamodb; set ReplicaSSESpecification.KMSMasterKeyId",
      ])
  }

  @Test func ddb003() throws {
    #expect(
      try LintFixture.lines("DDB003", Self.theme, "DDB003-fail.yaml") == [
        "3:3: error DDB003 Cache: DAX cluster is not encrypted at rest: SSESpecification.SSEEnabled is not set",
        "15:38: error DDB003 Plain: DAX cluster is not encrypted at rest (SSEEnabled: false)",
      ])
  }
}
