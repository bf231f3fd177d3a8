import Blueprints
import Formation
import Template
import Testing

@Suite struct TransferTests {
  typealias H = FamilyHarness

  static let bucket = Bucket("Raw", encryption: .kms(H.key.arn))
  static let role = Role(
    "SyncRole", name: "sync", description: "d",
    trust: [.assume(by: .service("datasync.amazonaws.com"))])
  static let s3 = S3Location("RawLocation", bucket: bucket.arn, role: role.arn)
  static let nas = NFSLocation(
    "NasLocation", host: "nas.lab.example", path: "/export/runs",
    agents: ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"])
  static let logs = LogGroup("SyncLogs", key: H.key.arn)

  @Test func s3LocationUsesItsRole() throws {
    let resource = try H.resource("RawLocation") {
      H.key
      Self.bucket
      Self.role
      Self.s3
    }
    #expect(
      resource.properties
        == [
          "S3BucketArn": .getAtt("Raw", "Arn"),
          "S3Config": ["BucketAccessRoleArn": .getAtt("SyncRole", "Arn")],
          "S3StorageClass": "STANDARD", "Subdirectory": "/",
        ])
    #expect(Self.s3.arn.value == .ref("RawLocation"))
  }

  @Test func nfsLocationGoesThroughTheAgent() throws {
    let resource = try H.resource("NasLocation") { Self.nas }
    #expect(
      resource.properties
        == [
          "ServerHostname": "nas.lab.example", "Subdirectory": "/export/runs",
          "OnPremConfig": [
            "AgentArns": ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"]
          ],
          "MountOptions": ["Version": "AUTOMATIC"],
        ])
  }

  @Test func nfsLocationMistakesAreErrors() {
    let line = #line + 1
    let relative = NFSLocation("Nas", host: "nas", path: "export/runs", agents: [])
    let errors = H.errors { relative }
    #expect(
      errors.map(\.message) == [
        "NFS location 'Nas' needs 1 to 8 agents, not 0",
        "NFS location 'Nas': the export path must be absolute, not 'export/runs'",
      ])
    #expect(errors.map(\.location.line) == [line, line])
  }

  @Test func smbPasswordMustBeASecretReference() throws {
    let line = #line + 1
    let literal = SMBLocation(
      "Share", host: "nas", path: "/runs", user: "sync", password: "hunter2", agents: ["a"])
    let errors = H.errors { literal }
    #expect(
      errors.map(\.message) == [
        "SMB location 'Share': the password is written in the template; use a {{resolve:secretsmanager:...}} reference"
      ])
    #expect(errors.first?.location.line == line)
    let secret = SMBLocation(
      "Share", host: "nas", path: "/runs", user: "sync",
      password: "{{resolve:secretsmanager:nas:SecretString:password}}",
      agents: ["a"])
    #expect(
      try H.resource("Share") { secret }.properties["Password"]
        == "{{resolve:secretsmanager:nas:SecretString:password}}")
  }

  /// NFS and SMB share their on-premises part: the same agent check, named for each type, and
  /// the same host and folder properties.
  @Test func smbLocationSharesTheOnPremisesChecks() throws {
    let line = #line + 1
    let agentless = SMBLocation(
      "Share", host: "nas", path: "/runs", user: "sync",
      password: "{{resolve:secretsmanager:nas}}", agents: Array(repeating: "a", count: 9))
    let errors = H.errors { agentless }
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(errors.map(\.message) == ["SMB location 'Share' needs 1 to 8 agents, not 9"])
    #expect(errors.map(\.location.line) == [line])
    let share = SMBLocation(
      "Share", host: "nas.lab.example", path: "/share/runs", user: "sync",
      password: "{{resolve:secretsmanager:nas}}", agents: ["a"])
    let properties = try H.resource("Share") { share }.properties
    #expect(properties["ServerHostname"] == "nas.lab.example")
    #expect(properties["Subdirectory"] == "/share/runs")
    #expect(properties["AgentArns"] == ["a"])
    #expect(share.share.agents == ["a"])
  }

  @Test func taskLowersOptionsLoggingScheduleAndFilters() throws {
    let task = DataSyncTask(
      "Ingest", name: "ingest", from: Self.nas.arn, to: Self.s3.arn,
      verification: .onlyFilesTransferred,
      logging: .transfer(to: Self.logs.arn), schedule: "rate(1 hour)",
      excludes: ["*/.snapshot", "*.tmp"])
    let resource = try H.resource("Ingest") {
      H.key
      Self.bucket
      Self.role
      Self.s3
      Self.nas
      Self.logs
      task
    }
    var expected = OrderedMap<Value>()
    expected["Name"] = .sub("t-${Environment}-ingest")
    expected["SourceLocationArn"] = .ref("NasLocation")
    expected["DestinationLocationArn"] = .ref("RawLocation")
    expected["Options"] = [
      "VerifyMode": "ONLY_FILES_TRANSFERRED", "TransferMode": "CHANGED", "OverwriteMode": "ALWAYS",
      "PreserveDeletedFiles": "PRESERVE", "LogLevel": "TRANSFER",
    ]
    expected["CloudWatchLogGroupArn"] = .getAtt("SyncLogs", "Arn")
    expected["Schedule"] = ["ScheduleExpression": "rate(1 hour)"]
    expected["Excludes"] = [["FilterType": "SIMPLE_PATTERN", "Value": "*/.snapshot|*.tmp"]]
    #expect(resource.properties == expected)
  }

  @Test func taskWithoutLoggingSaysOff() throws {
    let task = DataSyncTask(
      "Ingest", from: Self.nas.arn, to: Self.s3.arn, verification: .pointInTimeConsistent,
      logging: nil)
    let resource = try H.resource("Ingest") {
      H.key
      Self.bucket
      Self.role
      Self.s3
      Self.nas
      task
    }
    #expect(resource.properties["Options"]?["LogLevel"] == "OFF")
    #expect(resource.properties["Options"]?["VerifyMode"] == "POINT_IN_TIME_CONSISTENT")
    #expect(resource.properties["CloudWatchLogGroupArn"] == nil)
  }

  @Test(arguments: [
    (
      "rate(15 minutes)", [] as [String],
      "task 'Ingest': 'rate(15 minutes)' is not a DataSync schedule: rate(N hours) or cron(...), at most hourly"
    ),
    (
      "rate(1 hour)", ["*.tmp|*.bak"],
      "task 'Ingest': '*.tmp|*.bak' is not one filter pattern; give each pattern separately, without |"
    ),
  ])
  func taskMistakesAreErrors(schedule: String, excludes: [String], message: String) {
    let line = #line + 1
    let task = DataSyncTask(
      "Ingest", from: Self.nas.arn, to: Self.s3.arn, verification: .onlyFilesTransferred,
      logging: nil,
      schedule: schedule, excludes: excludes)
    let errors = H.errors {
      H.key
      Self.bucket
      Self.role
      Self.s3
      Self.nas
      task
    }
    #expect(errors.map(\.message) == [message])
    #expect(errors.first?.location.line == line)
  }
}

/// The ingestion stack holds the seed's values.
@Suite struct IngestionContractTests {
  @Test func nasLocationGoesThroughTheAgentFromParameters() throws {
    let nas = try Rendered.resource("NasLocation", in: "ingestion")
    #expect(nas.properties["ServerHostname"] == .ref("NasHostname"))
    #expect(nas.properties["Subdirectory"] == .ref("NasExportPath"))
    #expect(nas.properties["OnPremConfig"] == ["AgentArns": [.ref("DataSyncAgentArn")]])
  }

  @Test func rawLocationUsesTheOnlyRoleTheRawBucketLetsWrite() throws {
    let location = try Rendered.resource("RawBucketLocation", in: "ingestion")
    #expect(location.properties["S3BucketArn"] == Rendered.importing("storage", "RawBucket", "Arn"))
    #expect(
      location.properties["S3Config"] == [
        "BucketAccessRoleArn": .getAtt("DataSyncRawWriterRole", "Arn")
      ])
    let role = try Rendered.resource("DataSyncRawWriterRole", in: "ingestion")
    #expect(
      role.properties["RoleName"]
        == .sub("genexomics-${Environment}-\("datasync-raw-writer")"))
    let trust = try #require(
      role.properties["AssumeRolePolicyDocument"]?["Statement"]?.listValue?.first)
    #expect(trust["Principal"] == ["Service": "datasync.amazonaws.com"])
    #expect(trust["Condition"]?["StringEquals"]?["aws:SourceAccount"] == .ref("AWS::AccountId"))
    let actions = try Rendered.statements(of: "DataSyncRawWriterRole", in: "ingestion")
      .flatMap { $0["Action"].map { $0.listValue ?? [$0] } ?? [] }.compactMap(\.stringValue)
    #expect(actions.contains("s3:PutObject"))
    #expect(!actions.contains { $0.hasPrefix("s3:Delete") || $0.hasSuffix("*") })
    #expect(Ingestion.dataKeyUsers.map(\.logicalID) == ["DataSyncRawWriterRole"])
  }

  @Test func taskVerifiesAndLogsToAnEncryptedGroup() throws {
    let task = try Rendered.resource("NasToRawTask", in: "ingestion")
    #expect(task.properties["SourceLocationArn"] == .ref("NasLocation"))
    #expect(task.properties["DestinationLocationArn"] == .ref("RawBucketLocation"))
    #expect(task.properties["Options"]?["VerifyMode"] == "ONLY_FILES_TRANSFERRED")
    #expect(task.properties["Options"]?["LogLevel"] == "TRANSFER")
    #expect(task.properties["CloudWatchLogGroupArn"] == .getAtt("DataSyncLogGroup", "Arn"))
    let group = try Rendered.resource("DataSyncLogGroup", in: "ingestion")
    #expect(group.properties["KmsKeyId"] == Rendered.importing("keys", "LogsKey", "Arn"))
    #expect(group.properties["RetentionInDays"] == 365)
    let policy = try Rendered.resource("DataSyncLogPolicy", in: "ingestion")
    let statement = try #require(
      policy.properties["PolicyDocument"]?["Statement"]?.listValue?.first)
    #expect(statement["Principal"] == ["Service": "datasync.amazonaws.com"])
    #expect(statement["Resource"] == .getAtt("DataSyncLogGroup", "Arn"))
  }
}
