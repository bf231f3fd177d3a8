import Foundation
import Testing

@testable import FormationCLI

/// The templates of examples/insecure, one per theme, each with its exact findings from the
/// themed policy rules (ENC, TRN, PUB, NET, LOG, DAT, BAT and suppressions), run as
/// `formation lint --rules ENC,TRN,PUB,NET,LOG,DAT,BAT,SUP examples/insecure/<theme>.yaml`;
/// least-privilege.yaml with the IAM rules and genexomics.yaml with the GXO rules alone.
@Suite struct LintExamplesTests {
  /// The repository root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The lint output for one example, file names relative to examples/insecure.
  static func lint(_ name: String, rules: String = "ENC,TRN,PUB,NET,LOG,DAT,BAT,SUP") throws -> (
    lines: [String], exitCode: Int32
  ) {
    let folder = root + "/examples/insecure/"
    let command = try LintCommand.parse(["--rules", rules, folder + name])
    let result = command.execute()
    let lines = result.standardOutput.split(separator: "\n").map {
      $0.replacingOccurrences(of: folder, with: "")
    }
    return (lines, result.exitCode)
  }

  @Test func everyThemeHasAnExample() throws {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: Self.root + "/examples/insecure"
    ).filter { $0.hasSuffix(".yaml") }
    #expect(
      Set(names).isSuperset(of: [
        "batch-and-events.yaml", "data-protection.yaml", "encryption-at-rest.yaml",
        "encryption-in-transit.yaml", "genexomics.yaml", "least-privilege.yaml", "logging.yaml",
        "network-isolation.yaml", "public-access.yaml",
      ]))
  }

  @Test func batchAndEvents() throws {
    let (lines, exitCode) = try Self.lint("batch-and-events.yaml")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "batch-and-events.yaml:10:21: error BAT001 Align: job definition runs a privileged container",
        "batch-and-events.yaml:18:9: error BAT002 Compute: compute environment has no launch template, so its volumes' encryption is left to the AMI and account default",
        "batch-and-events.yaml:20:19: unknown NET006 Compute: cannot tell whether the subnet is private: subnet subnet-0123456789abcdef0 is not defined in this template",
        "batch-and-events.yaml:23:3: warning LOG007 Trigger: function has no DeadLetterConfig and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped",
        "batch-and-events.yaml:23:3: info NET007 Trigger: function runs outside any VPC; set VpcConfig if it handles data that should stay on a private network",
        "batch-and-events.yaml:35:11: warning BAT003 Upload: rule target Trigger has no DeadLetterConfig; events that cannot be delivered are dropped",
        "batch-and-events.yaml:36:3: warning BAT004 Transfer: DataSync task has no CloudWatchLogGroupArn; transfer errors are not logged",
        "batch-and-events.yaml:41:29: error BAT005 Transfer: DataSync task does not verify transferred data (VerifyMode: NONE)",
        "batch-and-events.yaml:54:17: error BAT006 AlignRole: Batch role AlignRole (assumable by ecs-tasks.amazonaws.com in a template with Batch resources) can kms:DeleteImportedKeyMaterial: allowed by statement 1",
        "batch-and-events.yaml:54:17: error BAT006 AlignRole: Batch role AlignRole (assumable by ecs-tasks.amazonaws.com in a template with Batch resources) can kms:DisableKey: allowed by statement 1",
        "batch-and-events.yaml:54:17: error BAT006 AlignRole: Batch role AlignRole (assumable by ecs-tasks.amazonaws.com in a template with Batch resources) can kms:PutKeyPolicy: allowed by statement 1",
        "batch-and-events.yaml:54:17: error BAT006 AlignRole: Batch role AlignRole (assumable by ecs-tasks.amazonaws.com in a template with Batch resources) can kms:ScheduleKeyDeletion: allowed by statement 1",
      ])
  }

  @Test func dataProtection() throws {
    let (lines, exitCode) = try Self.lint("data-protection.yaml")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "data-protection.yaml:4:3: warning DAT001 RawBucket: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "data-protection.yaml:4:3: warning DAT002 RawBucket: AWS::S3::Bucket is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "data-protection.yaml:4:3: warning DAT003 RawBucket: AWS::S3::Bucket is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "data-protection.yaml:4:3: error ENC001 RawBucket: bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key",
        "data-protection.yaml:4:3: warning LOG001 RawBucket: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
        "data-protection.yaml:4:3: warning LOG002 RawBucket: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered",
        "data-protection.yaml:4:3: error PUB001 RawBucket: bucket has no PublicAccessBlockConfiguration; set all four settings to true",
        "data-protection.yaml:4:3: warning PUB003 RawBucket: bucket does not set OwnershipControls to BucketOwnerEnforced, so object ACLs may grant access",
        "data-protection.yaml:4:3: error TRN001 RawBucket: bucket has no AWS::S3::BucketPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "data-protection.yaml:4:3: warning TRN002 RawBucket: bucket has no AWS::S3::BucketPolicy denying TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)",
        "data-protection.yaml:6:3: warning DAT003 RunTable: AWS::DynamoDB::Table is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "data-protection.yaml:6:3: error ENC003 RunTable: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        "data-protection.yaml:6:3: warning LOG003 RunTable: table has no point-in-time recovery (PointInTimeRecoveryEnabled is not set)",
        "data-protection.yaml:8:21: warning DAT002 RunTable: AWS::DynamoDB::Table is deleted with its stack: DeletionPolicy is Delete; set Retain",
        "data-protection.yaml:13:3: warning DAT003 DataKey: AWS::KMS::Key is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "data-protection.yaml:13:3: warning ENC002 DataKey: key does not rotate: EnableKeyRotation is not set and defaults to false",
        "data-protection.yaml:16:3: warning DAT002 JobLogs: AWS::Logs::LogGroup is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "data-protection.yaml:16:3: warning ENC006 JobLogs: log group has no KmsKeyId; its events are not encrypted with a customer-managed key",
        "data-protection.yaml:16:3: warning LOG004 JobLogs: log group has no RetentionInDays, so it keeps events forever",
      ])
  }

  @Test func encryptionAtRest() throws {
    let (lines, exitCode) = try Self.lint("encryption-at-rest.yaml")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "encryption-at-rest.yaml:6:3: warning DAT002 DataKey: AWS::KMS::Key is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:6:3: warning DAT003 DataKey: AWS::KMS::Key is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:6:3: warning ENC002 DataKey: key does not rotate: EnableKeyRotation is not set and defaults to false",
        "encryption-at-rest.yaml:8:3: warning DAT001 RawBucket: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "encryption-at-rest.yaml:8:3: warning DAT002 RawBucket: AWS::S3::Bucket is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:8:3: warning DAT003 RawBucket: AWS::S3::Bucket is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:8:3: error ENC001 RawBucket: bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key",
        "encryption-at-rest.yaml:8:3: warning LOG001 RawBucket: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
        "encryption-at-rest.yaml:8:3: warning LOG002 RawBucket: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered",
        "encryption-at-rest.yaml:8:3: error PUB001 RawBucket: bucket has no PublicAccessBlockConfiguration; set all four settings to true",
        "encryption-at-rest.yaml:8:3: warning PUB003 RawBucket: bucket does not set OwnershipControls to BucketOwnerEnforced, so object ACLs may grant access",
        "encryption-at-rest.yaml:8:3: error TRN001 RawBucket: bucket has no AWS::S3::BucketPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "encryption-at-rest.yaml:8:3: warning TRN002 RawBucket: bucket has no AWS::S3::BucketPolicy denying TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)",
        "encryption-at-rest.yaml:10:3: warning DAT001 ResultsBucket: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "encryption-at-rest.yaml:10:3: warning DAT002 ResultsBucket: AWS::S3::Bucket is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:10:3: warning DAT003 ResultsBucket: AWS::S3::Bucket is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:10:3: warning LOG001 ResultsBucket: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
        "encryption-at-rest.yaml:10:3: warning LOG002 ResultsBucket: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered",
        "encryption-at-rest.yaml:10:3: error PUB001 ResultsBucket: bucket has no PublicAccessBlockConfiguration; set all four settings to true",
        "encryption-at-rest.yaml:10:3: warning PUB003 ResultsBucket: bucket does not set OwnershipControls to BucketOwnerEnforced, so object ACLs may grant access",
        "encryption-at-rest.yaml:10:3: error TRN001 ResultsBucket: bucket has no AWS::S3::BucketPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "encryption-at-rest.yaml:10:3: warning TRN002 ResultsBucket: bucket has no AWS::S3::BucketPolicy denying TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)",
        "encryption-at-rest.yaml:17:65: error ENC001 ResultsBucket: bucket uses aws:kms without KMSMasterKeyID, which is the AWS managed key aws/s3 (when condition UseKms is false)",
        "encryption-at-rest.yaml:18:3: warning DAT002 RunTable: AWS::DynamoDB::Table is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:18:3: warning DAT003 RunTable: AWS::DynamoDB::Table is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:18:3: error ENC003 RunTable: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        "encryption-at-rest.yaml:18:3: warning LOG003 RunTable: table has no point-in-time recovery (PointInTimeRecoveryEnabled is not set)",
        "encryption-at-rest.yaml:24:3: warning TRN003 AlertsTopic: topic has no AWS::SNS::TopicPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "encryption-at-rest.yaml:27:23: error ENC004 AlertsTopic: uses the AWS managed key alias/aws/sns, not a customer-managed key",
        "encryption-at-rest.yaml:28:3: warning DAT002 JobQueue: AWS::SQS::Queue is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:28:3: warning DAT003 JobQueue: AWS::SQS::Queue is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:28:3: error ENC005 JobQueue: queue uses SQS-managed SSE (SqsManagedSseEnabled), which is not a customer-managed key; set KmsMasterKeyId",
        "encryption-at-rest.yaml:28:3: warning TRN004 JobQueue: queue has no AWS::SQS::QueuePolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "encryption-at-rest.yaml:32:3: warning DAT002 JobLogs: AWS::Logs::LogGroup is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:32:3: warning DAT003 JobLogs: AWS::Logs::LogGroup is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:32:3: warning ENC006 JobLogs: log group has no KmsKeyId; its events are not encrypted with a customer-managed key",
        "encryption-at-rest.yaml:36:3: warning DAT002 ToolImages: AWS::ECR::Repository is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:36:3: warning DAT003 ToolImages: AWS::ECR::Repository is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:36:3: warning ENC007 ToolImages: repository encrypts with AES256 keys ECR owns; set EncryptionType KMS with a customer-managed KmsKey",
        "encryption-at-rest.yaml:36:3: warning LOG005 ToolImages: repository does not scan images on push",
        "encryption-at-rest.yaml:36:3: warning LOG006 ToolImages: repository tags are mutable (ImageTagMutability defaults to MUTABLE)",
        "encryption-at-rest.yaml:38:3: warning ENC008 Trigger: function has environment variables but no KmsKeyArn; they are encrypted with the AWS managed key aws/lambda",
        "encryption-at-rest.yaml:38:3: warning LOG007 Trigger: function has no DeadLetterConfig and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped",
        "encryption-at-rest.yaml:38:3: info NET007 Trigger: function runs outside any VPC; set VpcConfig if it handles data that should stay on a private network",
        "encryption-at-rest.yaml:51:9: error NET005 Workers: launch template allows IMDSv1: MetadataOptions.HttpTokens is not set to required",
        "encryption-at-rest.yaml:53:18: error ENC009 Workers: EBS volume mapping does not set Encrypted: true",
        "encryption-at-rest.yaml:54:3: warning DAT002 Scratch: AWS::EC2::Volume is deleted with its stack: DeletionPolicy is not set (Delete); set Retain or Snapshot",
        "encryption-at-rest.yaml:54:3: warning DAT003 Scratch: AWS::EC2::Volume is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain or Snapshot",
        "encryption-at-rest.yaml:54:3: error ENC010 Scratch: volume is not encrypted: Encrypted is not set (and the account default is not part of the template)",
        "encryption-at-rest.yaml:57:3: warning DAT002 ApiToken: AWS::SecretsManager::Secret is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:57:3: warning DAT003 ApiToken: AWS::SecretsManager::Secret is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-at-rest.yaml:57:3: warning ENC011 ApiToken: secret has no KmsKeyId; it uses the AWS managed key aws/secretsmanager",
      ])
  }

  @Test func encryptionInTransit() throws {
    let (lines, exitCode) = try Self.lint("encryption-in-transit.yaml")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "encryption-in-transit.yaml:4:3: warning DAT001 RawBucket: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "encryption-in-transit.yaml:4:3: warning DAT002 RawBucket: AWS::S3::Bucket is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-in-transit.yaml:4:3: warning DAT003 RawBucket: AWS::S3::Bucket is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-in-transit.yaml:4:3: error ENC001 RawBucket: bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key",
        "encryption-in-transit.yaml:4:3: warning LOG001 RawBucket: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
        "encryption-in-transit.yaml:4:3: warning LOG002 RawBucket: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered",
        "encryption-in-transit.yaml:4:3: error PUB001 RawBucket: bucket has no PublicAccessBlockConfiguration; set all four settings to true",
        "encryption-in-transit.yaml:4:3: warning PUB003 RawBucket: bucket does not set OwnershipControls to BucketOwnerEnforced, so object ACLs may grant access",
        "encryption-in-transit.yaml:11:9: warning TRN002 RawBucketPolicy: policy for bucket RawBucket has no Deny for every principal and s3:* on TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)",
        "encryption-in-transit.yaml:19:3: error ENC004 Alerts: topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key",
        "encryption-in-transit.yaml:19:3: warning TRN003 Alerts: topic has no AWS::SNS::TopicPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "encryption-in-transit.yaml:21:3: warning DAT002 Jobs: AWS::SQS::Queue is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "encryption-in-transit.yaml:21:3: warning DAT003 Jobs: AWS::SQS::Queue is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "encryption-in-transit.yaml:21:3: error ENC005 Jobs: queue has no KmsMasterKeyId; it is encrypted at most with SQS-owned keys",
        "encryption-in-transit.yaml:21:3: warning TRN004 Jobs: queue has no AWS::SQS::QueuePolicy denying requests without TLS (Bool aws:SecureTransport false)",
      ])
  }

  @Test func logging() throws {
    let (lines, exitCode) = try Self.lint("logging.yaml")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "logging.yaml:4:3: warning DAT001 RawBucket: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "logging.yaml:4:3: warning DAT002 RawBucket: AWS::S3::Bucket is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "logging.yaml:4:3: warning DAT003 RawBucket: AWS::S3::Bucket is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "logging.yaml:4:3: error ENC001 RawBucket: bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key",
        "logging.yaml:4:3: warning LOG001 RawBucket: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
        "logging.yaml:4:3: warning LOG002 RawBucket: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered",
        "logging.yaml:4:3: error PUB001 RawBucket: bucket has no PublicAccessBlockConfiguration; set all four settings to true",
        "logging.yaml:4:3: warning PUB003 RawBucket: bucket does not set OwnershipControls to BucketOwnerEnforced, so object ACLs may grant access",
        "logging.yaml:4:3: error TRN001 RawBucket: bucket has no AWS::S3::BucketPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "logging.yaml:4:3: warning TRN002 RawBucket: bucket has no AWS::S3::BucketPolicy denying TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)",
        "logging.yaml:6:3: warning DAT002 RunTable: AWS::DynamoDB::Table is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "logging.yaml:6:3: warning DAT003 RunTable: AWS::DynamoDB::Table is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "logging.yaml:6:3: error ENC003 RunTable: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        "logging.yaml:6:3: warning LOG003 RunTable: table has no point-in-time recovery (PointInTimeRecoveryEnabled is not set)",
        "logging.yaml:12:3: warning DAT002 JobLogs: AWS::Logs::LogGroup is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "logging.yaml:12:3: warning DAT003 JobLogs: AWS::Logs::LogGroup is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "logging.yaml:12:3: warning ENC006 JobLogs: log group has no KmsKeyId; its events are not encrypted with a customer-managed key",
        "logging.yaml:12:3: warning LOG004 JobLogs: log group has no RetentionInDays, so it keeps events forever",
        "logging.yaml:14:3: warning DAT002 ToolImages: AWS::ECR::Repository is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "logging.yaml:14:3: warning DAT003 ToolImages: AWS::ECR::Repository is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "logging.yaml:14:3: warning ENC007 ToolImages: repository encrypts with AES256 keys ECR owns; set EncryptionType KMS with a customer-managed KmsKey",
        "logging.yaml:14:3: warning LOG005 ToolImages: repository does not scan images on push",
        "logging.yaml:17:27: warning LOG006 ToolImages: repository tags are mutable (ImageTagMutability MUTABLE)",
        "logging.yaml:18:3: warning LOG007 Trigger: function has no DeadLetterConfig and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped",
        "logging.yaml:18:3: info NET007 Trigger: function runs outside any VPC; set VpcConfig if it handles data that should stay on a private network",
        "logging.yaml:25:3: warning LOG008 TriggerErrors: alarm has no AlarmActions, so nobody is told when it fires",
      ])
  }

  @Test func networkIsolation() throws {
    let (lines, exitCode) = try Self.lint("network-isolation.yaml")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "network-isolation.yaml:4:3: warning NET008 Vpc: VPC has no AWS::EC2::FlowLog",
        "network-isolation.yaml:11:80: warning NET001 PublicSubnet: subnet assigns a public IP address to every instance launched in it",
        "network-isolation.yaml:21:3: warning NET010 S3Endpoint: VPC endpoint has no PolicyDocument, so it allows every action on every resource of the service",
        "network-isolation.yaml:26:3: warning NET009 LogsEndpoint: interface endpoint does not enable private DNS (PrivateDnsEnabled defaults to false)",
        "network-isolation.yaml:40:63: error NET002 WorkerGroup: security group allows ingress from 0.0.0.0/0 on tcp port 22",
        "network-isolation.yaml:42:38: warning NET003 WorkerGroup: security group allows egress to 0.0.0.0/0 on all traffic",
        "network-isolation.yaml:47:9: error ENC009 Workers: launch template sets no BlockDeviceMappings with Ebs.Encrypted; volumes follow the AMI and account default",
        "network-isolation.yaml:47:9: error NET005 Workers: launch template allows IMDSv1: MetadataOptions.HttpTokens is not set to required",
        "network-isolation.yaml:48:56: error NET004 Workers: launch template gives its instances a public IP address",
        "network-isolation.yaml:56:19: error NET006 Compute: subnet PublicSubnet is public: its route table PublicRoutes routes to internet gateway Gateway (InternetRoute)",
        "network-isolation.yaml:59:44: error BAT002 Compute: launch template Workers does not set Ebs.Encrypted: true on every volume it defines",
        "network-isolation.yaml:60:3: warning LOG007 Trigger: function has no DeadLetterConfig and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped",
        "network-isolation.yaml:60:3: warning NET007 Trigger: function runs outside the VPC the template defines; set VpcConfig with private subnets",
      ])
  }

  @Test func publicAccess() throws {
    let (lines, exitCode) = try Self.lint("public-access.yaml")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "public-access.yaml:4:3: warning DAT001 WebsiteBucket: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "public-access.yaml:4:3: warning DAT002 WebsiteBucket: AWS::S3::Bucket is deleted with its stack: DeletionPolicy is not set (Delete); set Retain",
        "public-access.yaml:4:3: warning DAT003 WebsiteBucket: AWS::S3::Bucket is deleted when an update replaces it: UpdateReplacePolicy is not set (Delete); set Retain",
        "public-access.yaml:4:3: error ENC001 WebsiteBucket: bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key",
        "public-access.yaml:4:3: warning LOG001 WebsiteBucket: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)",
        "public-access.yaml:4:3: warning LOG002 WebsiteBucket: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered",
        "public-access.yaml:4:3: error TRN001 WebsiteBucket: bucket has no AWS::S3::BucketPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "public-access.yaml:4:3: warning TRN002 WebsiteBucket: bucket has no AWS::S3::BucketPolicy denying TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)",
        "public-access.yaml:7:22: error PUB002 WebsiteBucket: bucket ACL PublicRead grants access to everyone",
        "public-access.yaml:9:26: error PUB001 WebsiteBucket: BlockPublicAcls is false",
        "public-access.yaml:11:27: error PUB001 WebsiteBucket: IgnorePublicAcls is false",
        "public-access.yaml:14:35: warning PUB003 WebsiteBucket: bucket object ownership is ObjectWriter, which keeps object ACLs in force; use BucketOwnerEnforced",
        "public-access.yaml:15:3: warning LOG007 Trigger: function has no DeadLetterConfig and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped",
        "public-access.yaml:15:3: info NET007 Trigger: function runs outside any VPC; set VpcConfig if it handles data that should stay on a private network",
        "public-access.yaml:27:18: error PUB004 AnyoneMayInvoke: permission lets any principal invoke the function: Principal is \"*\" with no SourceArn, SourceAccount or PrincipalOrgID",
      ])
  }

  /// Every least-privilege rule, IAM001 to IAM015 (but IAM013, whose unreadable documents the
  /// example does not have, and IAM014), fires on its own resource; the malformed BrokenPolicy
  /// is SCH019's, in `formation validate`.
  @Test func leastPrivilege() throws {
    let (lines, exitCode) = try Self.lint("least-privilege.yaml", rules: "IAM,SUP")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "least-privilege.yaml:14:24: error IAM011 RawBucketPolicy: statement 1 allows any principal (*) to s3:GetObject with no condition on the source, account or organization",
        "least-privilege.yaml:29:30: error IAM011 DataKey: statement 2 allows any principal (AWS: *) to kms:* with no condition on the source, account or organization",
        "least-privilege.yaml:29:30: error IAM012 DataKey: statement 2 grants kms:* to any principal (AWS: *); only the account root should hold every key permission",
        "least-privilege.yaml:39:30: error IAM009 DeployRole: statement 1 lets any AWS principal assume the role (Principal AWS: *) with no condition naming the account or organization",
        "least-privilege.yaml:42:11: error IAM007 DeployRole: attaches the AWS managed policy AdministratorAccess, which grants administrator-level access",
        "least-privilege.yaml:49:25: error IAM001 DeployRole: statement 1 allows every action (Action: \"*\")",
        "least-privilege.yaml:56:26: warning IAM002 DeployRole: statement 1 allows every s3 action (s3:*)",
        "least-privilege.yaml:56:32: warning IAM003 DeployRole: statement 1 grants dynamodb:PutItem on Resource \"*\" although it supports resource-level permissions",
        "least-privilege.yaml:59:26: warning IAM003 DeployRole: statement 2 grants iam:PassRole, iam:AttachRolePolicy on Resource \"*\" although they support resource-level permissions",
        "least-privilege.yaml:59:26: error IAM004 DeployRole: statement 2: iam:PassRole allows iam:PassRole on every role (Resource \"*\"); name the roles it passes",
        "least-privilege.yaml:59:26: error IAM008 DeployRole: DeployRole can pass any role (iam:PassRole on \"*\") and run it with lambda:CreateFunction, ec2:RunInstances, cloudformation:CreateStack, ..., which allows privilege escalation",
        "least-privilege.yaml:59:40: error IAM008 DeployRole: statement 2 grants iam:AttachRolePolicy on every resource, which allows privilege escalation (iam:AttachRolePolicy)",
        "least-privilege.yaml:68:30: warning IAM010 VendorRole: statement 1 lets account arn:aws:iam::111122223333:root assume the role without an sts:ExternalId condition",
        "least-privilege.yaml:79:17: error IAM005 Operators: statement 1 allows every action except iam:*, organizations:* on every resource (Allow with NotAction)",
        "least-privilege.yaml:79:17: error IAM008 Operators: statement 1 grants every action except iam:*, organizations:* on every resource, which allows privilege escalation (lambda:UpdateFunctionCode, lambda:UpdateFunctionConfiguration, glue:UpdateDevEndpoint)",
        "least-privilege.yaml:85:9: warning IAM015 Uploader: user has inline policies (Policies)",
        "least-privilege.yaml:91:17: warning IAM006 Uploader: statement 1 allows its actions on every resource except ${RawBucket.Arn}/* (Allow with NotResource)",
      ])
  }

  /// Every GeneXOmics invariant, GXO001 to GXO004, fires.
  @Test func genexomics() throws {
    let (lines, exitCode) = try Self.lint("genexomics.yaml", rules: "GXO,SUP")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "genexomics.yaml:58:17: error GXO002 JobRole: JobRole can write to the raw bucket RawBucket (s3:PutObject): allowed by statement 1",
        "genexomics.yaml:58:17: error GXO003 JobRole: JobRole can delete from the raw bucket RawBucket (s3:DeleteObject): allowed by statement 1",
        "genexomics.yaml:61:17: error GXO001 JobRole: Batch role JobRole (assumable by ecs-tasks.amazonaws.com in a template with Batch resources) can logs:DeleteLogGroup: allowed by statement 2",
        "genexomics.yaml:85:17: error GXO004 DashboardRole: DashboardRole is not a pipeline role but can decrypt with the data key DataKey: allowed by statement 1",
      ])
  }

  /// The data and compute service rules, with the EC2 checks they extend.
  @Test func dataAndCompute() throws {
    let (lines, exitCode) = try Self.lint(
      "data-and-compute.yaml", rules: "RDS,EFS,STR,SRCH,ECA,RSH,GDB,EKS,DDB,NET004,NET005,ENC009")
    #expect(exitCode == 1)
    #expect(
      lines == [
        "data-and-compute.yaml:6:3: error RDS001 Orders: instance storage is not encrypted: StorageEncrypted is not set and defaults to false",
        "data-and-compute.yaml:6:3: warning RDS004 Orders: instance keeps automated backups 1 day: BackupRetentionPeriod is not set",
        "data-and-compute.yaml:6:3: warning RDS005 Orders: instance can be deleted: DeletionProtection is not set and defaults to false",
        "data-and-compute.yaml:6:3: warning RDS006 Orders: instance accepts only passwords: EnableIAMDatabaseAuthentication is not set",
        "data-and-compute.yaml:6:3: warning RDS007 Orders: instance exports no logs: EnableCloudwatchLogsExports is not set",
        "data-and-compute.yaml:6:3: info RDS009 Orders: instance runs in one Availability Zone: MultiAZ is not set",
        "data-and-compute.yaml:6:3: info RDS010 Orders: instance has no enhanced monitoring: MonitoringInterval is not set",
        "data-and-compute.yaml:14:27: error RDS003 Orders: instance is publicly accessible (PubliclyAccessible: true)",
        "data-and-compute.yaml:15:3: warning RDS002 Ledger: cluster storage is encrypted with the AWS managed key aws/rds; set KmsKeyId to a customer-managed key",
        "data-and-compute.yaml:24:3: info RDS010 LedgerWriter: instance has no enhanced monitoring: MonitoringInterval is not set",
        "data-and-compute.yaml:30:3: error EFS001 Shared: file system is not encrypted: Encrypted is not set and defaults to false",
        "data-and-compute.yaml:32:3: error STR001 Events: stream is not encrypted: StreamEncryption is not set",
        "data-and-compute.yaml:36:3: error SRCH003 Search: domain accepts plain HTTP: DomainEndpointOptions.EnforceHTTPS is not set",
        "data-and-compute.yaml:36:3: warning SRCH004 Search: domain accepts TLS 1.0: TLSSecurityPolicy is not set and defaults to Policy-Min-TLS-1-0-2019-07",
        "data-and-compute.yaml:36:3: warning SRCH005 Search: domain has a public endpoint: VPCOptions is not set, so only its access policy limits who reaches it",
        "data-and-compute.yaml:36:3: warning SRCH006 Search: domain publishes no logs: LogPublishingOptions is not set",
        "data-and-compute.yaml:36:3: warning SRCH007 Search: domain publishes no audit logs: LogPublishingOptions.AUDIT_LOGS is not enabled",
        "data-and-compute.yaml:42:3: error ECA001 Sessions: replication group is not encrypted at rest: AtRestEncryptionEnabled is not set and defaults to false",
        "data-and-compute.yaml:42:3: error ECA002 Sessions: replication group is not encrypted in transit: TransitEncryptionEnabled is not set and defaults to false",
        "data-and-compute.yaml:42:3: error ECA003 Sessions: replication group lets any client in: neither AuthToken nor UserGroupIds is set",
        "data-and-compute.yaml:48:3: error NET005 Web: instance allows IMDSv1: MetadataOptions.HttpTokens is not set to required",
        "data-and-compute.yaml:55:37: error NET004 Web: instance has a public IP address (AssociatePublicIpAddress: true)",
        "data-and-compute.yaml:58:16: error ENC009 Web: EBS volume mapping does not set Encrypted: true",
      ])
  }
}
