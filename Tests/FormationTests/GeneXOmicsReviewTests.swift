import Blueprints
import Formation
import Template
import Testing

/// The review of the GeneXOmics stacks before a first deploy: each defect it found (D1–D5 would
/// fail a deploy or an update, R1–R7 a run) and its fix, asserted on the rendered templates.
/// (D3 and R2–R5, R7 are asserted beside the stack they concern: EventsTests, ComputeTests,
/// MonitoringTests.)
@Suite struct GeneXOmicsReviewTests {
  static let stacks: [RenderedStack] = (try? GeneXOmics.application.render()) ?? []

  static func resource(_ id: String, in stack: String) throws -> Resource {
    let template = try #require(stacks.first { $0.name == stack }?.template, "no stack \(stack)")
    return try #require(template.resources[id], "no \(id) in \(stack)")
  }

  static func statements(_ id: String, in stack: String, property: String = "KeyPolicy") throws
    -> [Value]
  {
    try resource(id, in: stack).properties[property]?["Statement"]?.listValue ?? []
  }

  /// D1: no key policy names a principal that may not exist yet; the service-linked roles that
  /// create encrypted volumes are named in a condition instead.
  @Test func d1KeyPoliciesNameNoServiceLinkedRoleAsPrincipal() throws {
    for key in ["DataKey", "LogsKey", "MessagingKey"] {
      for statement in try Self.statements(key, in: "keys") {
        let principal = statement["Principal"]?["AWS"]
        #expect(principal?.stringValue?.contains("aws-service-role") != true, "\(key)")
        if case .intrinsic(.sub(let sub))? = principal?.kind {
          #expect(!sub.template.contains("aws-service-role"), "\(key)")
        }
      }
    }
    let volumes = try #require(
      try Self.statements("DataKey", in: "keys").first {
        $0["Sid"] == "ServiceLinkedRolesUseKeyForVolumes"
      })
    #expect(volumes["Principal"] == "*")
    #expect(volumes["Condition"]?["StringEquals"]?["kms:CallerAccount"] == .ref("AWS::AccountId"))
    #expect(
      volumes["Condition"]?["StringEquals"]?["kms:ViaService"]
        == .sub("ec2.${AWS::Region}.amazonaws.com"))
    #expect(
      volumes["Condition"]?["ArnLike"]?["aws:PrincipalArn"]
        == .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/*"))
  }

  /// D2: every alias carries the application and the environment.
  @Test func d2AliasesCarryTheEnvironment() throws {
    for (alias, duty) in [("DataKeyAlias", "data"), ("LogsKeyAlias", "logs"), ("MessagingKeyAlias", "messaging")] {
      #expect(
        try Self.resource(alias, in: "keys").properties["AliasName"]
          == .sub("alias/genexomics-${Environment}/\(duty)"))
    }
  }

  /// D4: bucket names carry the account id and a prefix an operator can change.
  @Test func d4BucketNamesAreTheAccountsAndOverridable() throws {
    for (id, purpose) in [
      ("RawBucket", "raw"), ("WorkBucket", "work"), ("ReferencesBucket", "references"),
      ("ResultsBucket", "results"),
    ] {
      #expect(
        try Self.resource(id, in: "storage").properties["BucketName"]
          == .sub("${BucketNamePrefix}-\(purpose)-${Environment}-${AWS::AccountId}"))
    }
    let storage = try #require(Self.stacks.first { $0.name == "storage" }?.template)
    #expect(storage.parameters["BucketNamePrefix"]?.defaultValue == "genexomics")
  }

  /// D5: the trigger submits the head job by its name, which no update changes, and may submit
  /// any revision.
  @Test func d5TriggerSubmitsTheDefinitionWithoutRevision() throws {
    let role = try Self.resource("TriggerFunctionRole", in: "orchestration")
    let statements =
      role.properties["Policies"]?.listValue?.first?["PolicyDocument"]?["Statement"]?.listValue ?? []
    let submit = try #require(statements.first { $0["Sid"] == "SubmitHeadJob" })
    let definition =
      "arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job-definition/genexomics-${Environment}-nextflow-head"
    #expect(submit["Resource"]?.listValue?.dropFirst() == [.sub(definition), .sub(definition + ":*")])
    let compute = try #require(Self.stacks.first { $0.name == "compute" }?.template)
    #expect(compute.outputs.keys.allSatisfy { !$0.contains("JobDefinition") })
  }

  /// R1: people and tools outside the pipeline may use the data key through S3, when an IAM
  /// policy of theirs allows it (the key delegates to IAM for them).
  @Test func r1ReadersCanUseTheDataKeyThroughS3() throws {
    let statement = try #require(
      try Self.statements("DataKey", in: "keys").first { $0["Sid"] == "AccountPrincipalsThroughS3" })
    #expect(statement["Principal"] == ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")])
    #expect(statement["Action"] == ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"])
    #expect(
      statement["Condition"]?["StringEquals"]?["kms:ViaService"]
        == .sub("s3.${AWS::Region}.amazonaws.com"))
  }

  /// R6: the DataSync role has what DataSync documents for a versioned destination, no delete.
  @Test func r6DataSyncRoleHasTheDocumentedDestinationActions() throws {
    let role = try Self.resource("DataSyncRawWriterRole", in: "ingestion")
    let statements =
      role.properties["Policies"]?.listValue?.first?["PolicyDocument"]?["Statement"]?.listValue ?? []
    let objects = try #require(statements.first { $0["Sid"] == "WriteRawObjects" })
    #expect(
      objects["Action"] == [
        "s3:AbortMultipartUpload", "s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion",
        "s3:GetObjectVersionTagging", "s3:ListMultipartUploadParts", "s3:PutObject",
        "s3:PutObjectTagging",
      ])
    let actions = statements.flatMap { $0["Action"]?.listValue ?? [$0["Action"]].compactMap { $0 } }
    #expect(!actions.contains("s3:DeleteObject"))
  }

  /// R3: the trigger waits for a successful DataSync execution of the NAS-to-raw task.
  @Test func r3RunsStartWhenATransferSucceeds() throws {
    let rule = try Self.resource("TransferStateRule", in: "orchestration")
    #expect(
      rule.properties["EventPattern"] == [
        "source": ["aws.datasync"], "detail-type": ["DataSync Task Execution State Change"],
        "resources": [
          [
            "prefix": .intrinsic(
              .importValue(.sub("genexomics-${Environment}-ingestion-NasToRawTask-Ref")))
          ]
        ],
        "detail": ["State": ["SUCCESS", "ERROR"]],
      ])
    #expect(rule.properties["Targets"]?.listValue?.first?["Arn"] == .getAtt("TriggerFunction", "Arn"))
  }

  /// R7: a failed run can be run again, and a watchdog looks for stuck ones every 30 minutes.
  @Test func r7FailedRunsRerunAndAWatchdogRuns() throws {
    let trigger = try Self.resource("TriggerFunction", in: "orchestration")
    let code = try #require(trigger.properties["Code"]?["ZipFile"]?.stringValue)
    #expect(code.contains("if \"rerun\" in event:"))
    #expect(code.contains("\"#s = :f OR (#s = :s AND attribute_not_exists(JobId))\""))
    let watchdog = try Self.resource("WatchdogRule", in: "orchestration")
    #expect(watchdog.properties["ScheduleExpression"] == "rate(30 minutes)")
    #expect(watchdog.properties["Targets"]?.listValue?.first?["Arn"] == .getAtt("StatusFunction", "Arn"))
    let status = try #require(
      try Self.resource("StatusFunction", in: "orchestration").properties["Code"]?["ZipFile"]?
        .stringValue)
    #expect(status.contains("jobStatus=\"RUNNABLE\""))
    #expect(status.contains("\"stuck\": True"))
  }

  /// Every taggable resource carries Environment, Owner and CostCenter from parameters.
  @Test func everyTaggedResourceCarriesEnvironmentOwnerAndCostCenter() throws {
    var checked = 0
    for stack in Self.stacks {
      for (id, resource) in stack.template.resources.entries.map({ ($0.key, $0.value) }) {
        guard let tags = resource.properties["Tags"]?.listValue else { continue }
        checked += 1
        let byKey = Dictionary(
          tags.compactMap { tag in tag["Key"]?.stringValue.map { ($0, tag["Value"]) } },
          uniquingKeysWith: { first, _ in first })
        #expect(byKey["Environment"] == .ref("Environment"), "\(stack.name) \(id)")
        #expect(byKey["Owner"] == .ref("Owner"), "\(stack.name) \(id)")
        #expect(byKey["CostCenter"] == .ref("CostCenter"), "\(stack.name) \(id)")
      }
    }
    #expect(checked > 40)
  }
}
