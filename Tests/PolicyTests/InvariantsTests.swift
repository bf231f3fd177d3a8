import Policy
import Semantics
import Template
import Testing

/// The GeneXOmics invariants on their failing and passing fixtures, with the exact findings.
@Suite struct InvariantsTests {
  static let theme = "invariants"

  func lines(_ id: String, _ outcome: String) throws -> [String] {
    try LintFixture.lines(id, Self.theme, "\(id)-\(outcome).yaml")
  }

  @Test(arguments: Invariants.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try lines(id, "pass") == [])
  }

  @Test func rulesAreInTheCatalogue() {
    let ids = Invariants.rules.map(\.id)
    #expect(ids == ["GXO001", "GXO002", "GXO003", "GXO004"])
    #expect(ids.allSatisfy { Catalogue.rule(id: $0)?.theme == "genexomics" })
  }

  @Test func batchCannotDeleteLogs() throws {
    let reason = "(assumable by ecs-tasks.amazonaws.com in a template with Batch resources)"
    #expect(
      try lines("GXO001", "fail") == [
        "19:17: error GXO001 JobRole: Batch role JobRole \(reason) can logs:DeleteLogGroup: allowed by statement 1",
        "19:17: error GXO001 JobRole: Batch role JobRole \(reason) can logs:DeleteLogStream: allowed by statement 1",
        "19:17: error GXO001 JobRole: Batch role JobRole \(reason) can logs:PutRetentionPolicy: allowed by statement 1",
        "45:13: error GXO001 InstanceRole: Batch role InstanceRole (instance role of compute environment Compute) can logs:DeleteLogStream: allowed by statement 1 in CleanupPolicy when condition Debug is true",
      ])
  }

  @Test func onlyDataSyncWritesRaw() throws {
    #expect(
      try lines("GXO002", "fail") == [
        "15:34: error GXO002 RawBucketPolicy: the bucket policy lets logging.s3.amazonaws.com write to the raw bucket RawBucket (s3:PutObject): allowed by statement 1",
        "49:17: error GXO002 JobRole: JobRole can write to the raw bucket RawBucket (s3:PutObject): allowed by statement 1",
      ])
  }

  @Test func nothingDeletesRaw() throws {
    #expect(
      try lines("GXO003", "fail") == [
        "23:17: error GXO003 DataSyncRole: DataSyncRole can delete from the raw bucket RawBucket (s3:DeleteObject): allowed by statement 1",
        "36:19: error GXO003 Operators: Operators can delete from the raw bucket RawBucket (s3:DeleteObject): allowed by statement 1 when condition AllowCleanup is true",
        "36:19: error GXO003 Operators: Operators can delete from the raw bucket RawBucket (s3:DeleteObjectVersion): allowed by statement 1 when condition AllowCleanup is true",
      ])
  }

  @Test func onlyPipelineDecrypts() throws {
    #expect(
      try lines("GXO004", "fail") == [
        "15:30: error GXO004 DataKey: the key policy lets arn:aws:iam::999999999999:role/analytics decrypt with the data key DataKey: allowed by statement 2",
        "58:17: error GXO004 PackagerRole: PackagerRole is not a pipeline role but can decrypt with the data key DataKey: allowed by statement 1",
      ])
  }

  @Test func importedRawBucketAndDataKeyAreChecked() throws {
    let template = try LintFixture.template(Self.theme, "GXO-imported-fail.yaml")
    let rules = Invariants.rules
    let lines = Engine(rules: rules).check(template).map(LintFixture.line)
    #expect(
      lines == [
        "35:17: error GXO003 JobRole: JobRole can delete from the raw bucket imported as genexomics-prod-storage-RawBucket-Arn (s3:DeleteObject): allowed by statement 3 (Sid TidyRaw)",
        "56:17: error GXO004 PackagerRole: PackagerRole is not a pipeline role but can decrypt with the data key imported as genexomics-prod-keys-DataKey-Arn: allowed by statement 1",
      ])
  }

  @Test func batchRolesAreFoundThroughEveryPath() throws {
    let template = try LintFixture.template(Self.theme, "GXO001-fail.yaml")
    let roles = PolicyIndex(template).batchRoles()
    #expect(roles.map(\.role) == ["JobRole", "InstanceRole"])
    #expect(
      roles.map(\.reason) == [
        "assumable by ecs-tasks.amazonaws.com in a template with Batch resources",
        "instance role of compute environment Compute",
      ])
  }

  @Test func anUnknownManagedPolicyMakesTheAnswerUnknown() throws {
    let template = try Template.parse(
      """
      Resources:
        JobRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement: {Effect: Allow, Principal: {Service: batch.amazonaws.com}, Action: sts:AssumeRole}
            ManagedPolicyArns: [!ImportValue shared-logs-policy]
      """, file: "unknown.yaml")
    let rule = try #require(Catalogue.rule(id: "GXO001"))
    let findings = Engine(rules: [rule]).check(template)
    #expect(findings.map(\.severity) == [.unknown, .unknown, .unknown])
    #expect(
      findings.first?.message
        == "Batch role JobRole (assumable by batch.amazonaws.com) can logs:DeleteLogGroup: cannot tell: statement 1 may allow it: an attached managed policy cannot be read: imported from another stack with Fn::ImportValue shared-logs-policy"
    )
  }
}
