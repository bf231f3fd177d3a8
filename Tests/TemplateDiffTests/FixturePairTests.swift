import Template
import Testing

@testable import TemplateDiff

/// One before/after fixture pair per kind of change (Fixtures/<case>/deployed.yaml and
/// proposed.*), with exact assertions on what the differ reports.
@Suite struct FixturePairTests {
  @Test func formattingOnlyIsNoChangeAndNoOutput() throws {
    let result = try fixtureDiff("formatting-only")
    #expect(result.status == .unchanged)
    #expect(TextReporter().report(result) == "")
    #expect(!FailOn.any.trips([result]))
  }

  @Test func nestedCreateOnlyChangeWillReplace() throws {
    let result = try fixtureDiff("nested-create-only")
    let change = try #require(result.resource("SpotEnvironment"))
    #expect(change.replacement == .will)
    #expect(change.reasons == ["ComputeResources.SpotIamFleetRole changes (create-only)"])
    #expect(
      change.changes.map(\.path.description) == ["Properties.ComputeResources.SpotIamFleetRole"])
    #expect(change.changes.map(\.replacement) == [.will])
    #expect(FailOn.replacement.trips([result]))
  }

  @Test func conditionalCreateOnlyChangeMayReplace() throws {
    let result = try fixtureDiff("conditional-create-only")
    let change = try #require(result.resource("SpotEnvironment"))
    #expect(change.replacement == .may)
    #expect(
      change.changes.map { "\($0.path) \($0.replacement.rawValue)" } == [
        "Properties.ComputeResources.MaxvCpus none", "Properties.ComputeResources.Subnets[1] may",
      ])
    #expect(
      change.reasons == [
        "ComputeResources.Subnets changes (conditionally create-only: replacement depends on other settings)"
      ])
  }

  @Test func removingTheRawBucketWithoutRetainIsDataLoss() throws {
    let result = try fixtureDiff("remove-raw-bucket")
    #expect(result.resources.map { "\($0.kind.rawValue) \($0.logicalID)" } == ["removed RawBucket"])
    #expect(
      result.warnings == [
        DiffWarning(
          kind: .dataLoss, logicalID: "RawBucket", type: "AWS::S3::Bucket",
          message:
            "RawBucket (AWS::S3::Bucket) is removed without DeletionPolicy Retain: its data is deleted"
        )
      ])
    #expect(FailOn.dataLoss.trips([result]))
  }

  @Test func removingARetainedBucketIsNoDataLoss() throws {
    let result = try fixtureDiff("remove-retained-bucket")
    #expect(result.resources.map(\.logicalID) == ["RawBucket"])
    #expect(result.warnings.isEmpty)
    #expect(!FailOn.dataLoss.trips([result]))
  }

  @Test func addedS3StarStatementIsBroadening() throws {
    let result = try fixtureDiff("added-s3-star")
    let statements = result.security.statements
    #expect(statements.count == 1)
    let statement = try #require(statements.first)
    #expect(statement.kind == .added)
    #expect(statement.impact == .broadening)
    #expect(statement.logicalID == "RawBucketPolicy")
    #expect(statement.document.description == "Properties.PolicyDocument")
    #expect(
      statement.details == [
        "Allow s3:* on arn:aws:s3:::genexomics-raw/* to AWS:arn:aws:iam::123456789012:role/analyst"
      ])
    #expect(FailOn.security.trips([result]))
  }

  @Test func iamStatementChangesAreClassified() throws {
    let result = try fixtureDiff("iam-changes")
    let summary = result.security.statements.map {
      "\($0.kind.rawValue) \($0.impact.rawValue) \($0.document): \($0.details.joined(separator: "; "))"
    }
    #expect(
      summary == [
        "modified broadening Properties.AssumeRolePolicyDocument: principals added: Service:ec2.amazonaws.com",
        "modified narrowing Properties.Policies[PolicyName=results].PolicyDocument: actions added: s3:GetObject, s3:ListBucket; actions removed: s3:*",
        "modified broadening Properties.Policies[PolicyName=results].PolicyDocument: conditions removed: StringEquals aws:ResourceAccount=123456789012",
        "added broadening Properties.ManagedPolicyArns: managed policy added: arn:aws:iam::aws:policy/AdministratorAccess",
        "removed narrowing Properties.ManagedPolicyArns: managed policy removed: arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
      ])
    #expect(
      result.paths("BatchJobRole") == [
        "Properties.AssumeRolePolicyDocument.Statement[0].Principal.Service[1]",
        "Properties.ManagedPolicyArns[0]", "Properties.ManagedPolicyArns[0]",
        "Properties.Policies[PolicyName=results].PolicyDocument.Statement[Sid=ReadReferences].Action[0]",
        "Properties.Policies[PolicyName=results].PolicyDocument.Statement[Sid=ReadReferences].Action[0]",
        "Properties.Policies[PolicyName=results].PolicyDocument.Statement[Sid=ReadReferences].Action[1]",
        "Properties.Policies[PolicyName=results].PolicyDocument.Statement[Sid=WriteResults].Condition",
      ])
  }

  @Test func securityGroupRulesAddedAndRemoved() throws {
    let result = try fixtureDiff("security-groups")
    #expect(
      result.security.networkRules.map {
        "\($0.kind.rawValue) \($0.impact.rawValue) \($0.logicalID) \($0.direction.rawValue) \($0.rule)"
      } == [
        "added broadening BatchSecurityGroup ingress tcp 22 from 0.0.0.0/0 (the whole internet)",
        "removed narrowing EfsIngress ingress tcp 2049 from sg BatchSecurityGroup",
      ])
    #expect(result.security.networkRules.map(\.isOpenToWorld) == [true, false])
  }

  @Test func protectionTurnedOffIsReported() throws {
    let result = try fixtureDiff("protection-off")
    #expect(
      result.security.protections.map {
        "\($0.logicalID) \($0.impact.rawValue) \($0.message) \($0.setting)"
      } == [
        "WorkBucket broadening default encryption turned off Properties.BucketEncryption",
        "WorkBucket broadening public access block (BlockPublicPolicy) turned off Properties.PublicAccessBlockConfiguration.BlockPublicPolicy",
        "RunTable broadening encryption with a KMS key turned off Properties.SSESpecification.SSEEnabled",
      ])
  }

  @Test func fixedTableNameOnReplacementCollidesAndLosesData() throws {
    let result = try fixtureDiff("named-table-key-change")
    #expect(result.resource("RunStatusTable")?.replacement == .may)
    #expect(result.warnings.map(\.kind) == [.dataLoss, .nameCollision])
    #expect(
      result.warnings.last?.message
        == "RunStatusTable (AWS::DynamoDB::Table) may be replaced but keeps TableName genexomics-run-status: CloudFormation creates the replacement before deleting the old one, so the name is taken and the update fails"
    )
  }

  @Test func changedTypeWillReplace() throws {
    let result = try fixtureDiff("type-change")
    let change = try #require(result.resource("Alerts"))
    #expect(change.replacement == .will)
    #expect(change.oldType == "AWS::SNS::Topic")
    #expect(change.newType == "AWS::SQS::Queue")
    // The topic that goes away holds no data; the queue that replaces it is new.
    #expect(result.warnings.isEmpty)
  }

  @Test func logicalIDRenameIsRemovePlusAddAndSaysSo() throws {
    let result = try fixtureDiff("rename")
    #expect(
      result.resources.map { "\($0.kind.rawValue) \($0.logicalID) \($0.replacement.rawValue)" } == [
        "added RawDataBucket will", "removed RawBucket will",
      ])
    #expect(result.resource("RawDataBucket")?.renamedFrom == "RawBucket")
    #expect(
      result.resource("RawDataBucket")?.reasons == [
        "logical id renamed from RawBucket to RawDataBucket: CloudFormation creates RawDataBucket and deletes RawBucket (a replacement)"
      ])
    #expect(result.warnings.map(\.kind) == [.nameCollision, .dataLoss])
    #expect(result.hasReplacement)
  }

  @Test func replacementTravelsAlongReferences() throws {
    let result = try fixtureDiff("replacement-propagates")
    #expect(
      result.resources.map { "\($0.logicalID) \($0.replacement.rawValue)" } == [
        "PrivateSubnet will", "HeadNode will",
      ])
    #expect(
      result.resource("HeadNode")?.reasons == [
        "SubnetId refers to PrivateSubnet, which will be replaced"
      ])
    #expect(result.resource("HeadNode")?.changes.isEmpty == true)
    // The parameter's value changes too, but in place: no replacement, so no entry.
    #expect(result.resource("SubnetNote") == nil)
  }

  @Test func valueKnownOnlyAtDeployTimeMayReplace() throws {
    let result = try fixtureDiff("unresolved-name")
    let change = try #require(result.resource("ReferenceBucket"))
    #expect(change.replacement == .may)
    #expect(
      change.reasons == [
        "BucketName changes to or from a value known only at deploy time (create-only)"
      ])
    #expect(result.warnings.isEmpty)
  }

  @Test func deepPathsWithListIndexes() throws {
    let result = try fixtureDiff("lifecycle-path")
    #expect(
      result.paths("RawBucket") == [
        "Properties.LifecycleConfiguration.Rules[0].Transitions[0].TransitionInDays"
      ])
    let change = try #require(result.resource("RawBucket")?.changes.first)
    #expect(change.old == 30)
    #expect(change.new == 90)
    #expect(change.replacement == .none)
  }

  @Test func tagsAreMatchedByKey() throws {
    let result = try fixtureDiff("tags-by-key")
    #expect(
      result.paths("Topic") == ["Properties.Tags[Key=Owner]", "Properties.Tags[Key=Stage].Value"])
  }

  @Test func sectionsAndMetadataHaveTheirOwnEntries() throws {
    let result = try fixtureDiff("sections-and-metadata")
    #expect(
      result.entries.map { "\($0.section) \($0.name) \($0.kind.rawValue)" } == [
        "Parameters Environment modified", "Conditions IsProd modified",
        "Outputs LogGroup modified",
        "Metadata cfn-lint modified", "Template Description modified",
      ])
    #expect(
      result.entries.first { $0.section == "Outputs" }?.note
        == "export genexomics-logs is removed: CloudFormation refuses the update while another stack imports it"
    )
    let logs = try #require(result.resource("Logs"))
    #expect(logs.isMetadataOnly)
    #expect(logs.replacement == .none)
  }

  @Test func lambdaPermissionIsAResourcePolicyStatement() throws {
    let result = try fixtureDiff("lambda-permission")
    #expect(
      result.security.statements.map {
        "\($0.kind.rawValue) \($0.impact.rawValue) \($0.details.joined())"
      } == [
        "modified broadening conditions removed: ArnLike aws:SourceArn=arn:aws:events:us-east-1:123456789012:rule/run-complete"
      ])
    #expect(result.resource("TriggerPermission")?.replacement == .will)
  }
}
