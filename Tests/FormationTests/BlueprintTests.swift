import Blueprints
import Formation
import Foundation
import Testing

/// The GeneXOmics blueprints: golden files (the committed `generated/`) and the seed's values.
@Suite struct BlueprintTests {
  static let stacks: [RenderedStack] = {
    do { return try GeneXOmics.application.render() } catch {
      Issue.record("the blueprints do not render:\n\(error)")
      return []
    }
  }()

  /// The repository's `generated/` folder: it is the golden set, so there is one copy of the
  /// expected output, and `swift run render` is how it is re-recorded.
  static let generated = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("generated")

  /// Every resource of a type across all stacks, with its stack and logical id.
  func resources(_ type: String) -> [(stack: String, id: String, resource: Resource)] {
    Self.stacks.flatMap { stack in
      stack.template.resources.entries.filter { $0.value.type == type }.map { (stack.name, $0.key, $0.value) }
    }
  }

  func bucket(_ id: String) throws -> Resource {
    try #require(resources("AWS::S3::Bucket").first { $0.id == id }?.resource)
  }

  @Test func everyStackMatchesItsGoldenFile() throws {
    #expect(Self.stacks.map(\.name) == ["keys", "network", "storage", "data", "compute", "ingestion", "orchestration", "monitoring"])
    for stack in Self.stacks {
      let path = Self.generated.appendingPathComponent("\(stack.name).yaml").path
      let golden = try #require(FileManager.default.contents(atPath: path), "missing \(path): run `swift run render`")
      let rendered = stack.template.yaml()
      #expect(String(decoding: golden, as: UTF8.self) == rendered, "\(path) is stale: run `swift run render`")
    }
  }

  @Test func renderingTwiceGivesTheSameBytes() throws {
    let again = try GeneXOmics.application.render()
    #expect(again.map { $0.template.yaml() } == Self.stacks.map { $0.template.yaml() })
  }

  @Test func exactlyTheFourBucketsOfTheSeed() {
    #expect(resources("AWS::S3::Bucket").map(\.id) == ["RawBucket", "WorkBucket", "ReferencesBucket", "ResultsBucket"])
  }

  @Test func rawRunsGoToGlacierAfterThirtyDays() throws {
    let rules = try bucket("RawBucket").properties["LifecycleConfiguration"]?["Rules"]?.listValue ?? []
    let transitions = rules.flatMap { $0["Transitions"]?.listValue ?? [] }
    #expect(transitions == [["StorageClass": "GLACIER", "TransitionInDays": 30]])
    #expect(try bucket("RawBucket").properties["VersioningConfiguration"]?["Status"] == "Enabled")
    #expect(
      try bucket("RawBucket").properties["NotificationConfiguration"]?["EventBridgeConfiguration"]?[
        "EventBridgeEnabled"] == true)
  }

  @Test func nothingCanDeleteRawObjects() throws {
    let policy = try #require(resources("AWS::S3::BucketPolicy").first { $0.id == "RawBucketPolicy" }?.resource)
    let statements = policy.properties["PolicyDocument"]?["Statement"]?.listValue ?? []
    let denyDeletes = statements.first { $0["Sid"] == "DenyDeletingRawData" }
    #expect(denyDeletes?["Effect"] == "Deny")
    #expect(denyDeletes?["Principal"] == "*")
    #expect(denyDeletes?["Action"] == ["s3:DeleteObject", "s3:DeleteObjectVersion"])
  }

  @Test func scratchExpiresAfterSevenDays() throws {
    let rules = try bucket("WorkBucket").properties["LifecycleConfiguration"]?["Rules"]?.listValue ?? []
    #expect(rules.map { $0["ExpirationInDays"] } == [7])
    #expect(rules.first?["AbortIncompleteMultipartUpload"]?["DaysAfterInitiation"] == 1)
  }

  @Test func referencesUseIntelligentTiering() throws {
    let rules = try bucket("ReferencesBucket").properties["LifecycleConfiguration"]?["Rules"]?.listValue ?? []
    #expect(rules.first?["Transitions"] == [["StorageClass": "INTELLIGENT_TIERING", "TransitionInDays": 0]])
  }

  @Test func resultsAreVersioned() throws {
    #expect(try bucket("ResultsBucket").properties["VersioningConfiguration"]?["Status"] == "Enabled")
  }

  @Test func everyBucketIsKMSEncryptedPrivateAndTLSOnly() throws {
    for (_, id, bucket) in resources("AWS::S3::Bucket") {
      let rule = bucket.properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?.listValue?.first
      #expect(rule?["ServerSideEncryptionByDefault"]?["SSEAlgorithm"] == "aws:kms", "\(id)")
      #expect(rule?["ServerSideEncryptionByDefault"]?["KMSMasterKeyID"] != nil, "\(id)")
      #expect(rule?["BucketKeyEnabled"] == true, "\(id)")
      let block = bucket.properties["PublicAccessBlockConfiguration"]?.mapValue
      #expect(block?.values == [true, true, true, true], "\(id)")
      #expect(bucket.deletionPolicy == "Retain", "\(id)")
      let policy = resources("AWS::S3::BucketPolicy").first { $0.id == id + "Policy" }?.resource
      let sids = policy?.properties["PolicyDocument"]?["Statement"]?.listValue?.compactMap { $0["Sid"]?.stringValue }
      #expect(sids?.starts(with: ["DenyInsecureTransport", "DenyOutdatedTLS"]) == true, "\(id)")
    }
  }

  @Test func runStatusTableIsEncryptedWithRecovery() throws {
    let tables = resources("AWS::DynamoDB::Table")
    #expect(tables.map(\.id) == ["RunStatusTable"])
    let table = try #require(tables.first?.resource)
    #expect(table.properties["SSESpecification"]?["SSEType"] == "KMS")
    #expect(table.properties["SSESpecification"]?["KMSMasterKeyId"] != nil)
    #expect(table.properties["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"] == true)
    #expect(Data.statuses == ["Arrived", "Started", "Processing", "Complete", "Failed"])
  }

  @Test func keysRotateAndNobodyButAdministratorsGetsEverything() {
    for (_, id, key) in resources("AWS::KMS::Key") {
      #expect(key.properties["EnableKeyRotation"] == true, "\(id)")
      let statements = key.properties["KeyPolicy"]?["Statement"]?.listValue ?? []
      for statement in statements {
        let actions = statement["Action"].map { $0.listValue ?? [$0] } ?? []
        #expect(!actions.contains("kms:*"), "\(id) grants kms:*")
      }
    }
  }

  @Test func everyTopicQueueAndLogGroupIsKMSEncrypted() {
    #expect(!resources("AWS::SNS::Topic").isEmpty && !resources("AWS::Logs::LogGroup").isEmpty)
    for (_, id, topic) in resources("AWS::SNS::Topic") { #expect(topic.properties["KmsMasterKeyId"] != nil, "\(id)") }
    for (_, id, queue) in resources("AWS::SQS::Queue") { #expect(queue.properties["KmsMasterKeyId"] != nil, "\(id)") }
    for (_, id, group) in resources("AWS::Logs::LogGroup") {
      #expect(group.properties["KmsKeyId"] != nil, "\(id)")
      #expect(group.properties["RetentionInDays"] != nil, "\(id)")
    }
  }

  @Test func rtaCompleteRuleStartsThePipeline() {
    let rules = resources("AWS::Events::Rule").filter { rule in
      let key = rule.resource.properties["EventPattern"]?["detail"]?["object"]?["key"]
      return key?.listValue?.contains { $0["suffix"] == "RTAComplete.txt" } == true
    }
    #expect(rules.count == 1)
    let pattern = rules.first?.resource.properties["EventPattern"]
    #expect(pattern?["source"] == ["aws.s3"])
    #expect(pattern?["detail-type"] == ["Object Created"])
    #expect(rules.first?.resource.properties["Targets"]?.listValue?.isEmpty == false)
  }

  @Test func workersRunOnSpotC5AndR5ScalingToZero() {
    let spot = resources("AWS::Batch::ComputeEnvironment").compactMap { $0.resource.properties["ComputeResources"] }
      .filter { $0["Type"] == "SPOT" }
    #expect(spot.count == 1)
    let workers = spot.first
    #expect(workers?["MinvCpus"] == 0)
    #expect(workers?["InstanceTypes"] == ["c5", "r5"])
    #expect(workers?["AllocationStrategy"] == "SPOT_CAPACITY_OPTIMIZED")
  }

  @Test func everyVolumeIsEncrypted() {
    #expect(!resources("AWS::EC2::LaunchTemplate").isEmpty)
    for (_, id, template) in resources("AWS::EC2::LaunchTemplate") {
      let mappings = template.properties["LaunchTemplateData"]?["BlockDeviceMappings"]?.listValue ?? []
      #expect(!mappings.isEmpty, "\(id)")
      for mapping in mappings {
        #expect(mapping["Ebs"]?["Encrypted"] == true, "\(id)")
        #expect(mapping["Ebs"]?["KmsKeyId"] != nil, "\(id)")
      }
      #expect(template.properties["LaunchTemplateData"]?["MetadataOptions"]?["HttpTokens"] == "required", "\(id)")
    }
  }
}
