import Policy
import Testing

/// Encryption at rest: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct EncryptionAtRestTests {
  static let theme = "encryption-at-rest"

  @Test(arguments: EncryptionAtRest.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: EncryptionAtRest.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func enc001() throws {
    #expect(
      try LintFixture.lines("ENC001", Self.theme, "ENC001-fail.yaml") == [
        "5:3: error ENC001 NoEncryption: bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key",
        "13:29: error ENC001 SseS3: bucket uses SSE-S3 (AES256), whose keys AWS owns; use aws:kms with a customer-managed key",
        "20:15: error ENC001 AwsManagedKey: bucket uses aws:kms without KMSMasterKeyID, which is the AWS managed key aws/s3",
        "28:31: error ENC001 ManagedAlias: uses the AWS managed key alias/aws/s3, not a customer-managed key",
        "36:61: error ENC001 ConditionalKey: bucket uses aws:kms without KMSMasterKeyID, which is the AWS managed key aws/s3 (when condition UseKms is false)",
        "44:31: unknown ENC001 ImportedKey: cannot tell whether the bucket uses a customer-managed key: imported from another stack with Fn::ImportValue shared-data-key",
      ])
  }

  @Test func enc002() throws {
    #expect(
      try LintFixture.lines("ENC002", Self.theme, "ENC002-fail.yaml") == [
        "6:3: warning ENC002 NoRotation: key does not rotate: EnableKeyRotation is not set and defaults to false",
        "11:26: warning ENC002 RotationOff: key rotation is disabled (EnableKeyRotation: false)",
        "15:26: unknown ENC002 RotationFromParameter: cannot tell whether the key rotates: parameter Rotate has no default",
      ])
  }

  @Test func enc003() throws {
    #expect(
      try LintFixture.lines("ENC003", Self.theme, "ENC003-fail.yaml") == [
        "3:3: error ENC003 OwnedKey: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        "16:21: error ENC003 Disabled: table is encrypted with an AWS owned key (SSEEnabled: false)",
        "24:9: error ENC003 AwsManaged: table uses the AWS managed key aws/dynamodb; set KMSMasterKeyId to a customer-managed key",
      ])
  }

  @Test func enc004() throws {
    #expect(
      try LintFixture.lines("ENC004", Self.theme, "ENC004-fail.yaml") == [
        "3:3: error ENC004 Plain: topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key",
        "8:23: error ENC004 AwsManaged: uses the AWS managed key alias/aws/sns, not a customer-managed key",
      ])
  }

  @Test func enc005() throws {
    #expect(
      try LintFixture.lines("ENC005", Self.theme, "ENC005-fail.yaml") == [
        "3:3: error ENC005 Plain: queue has no KmsMasterKeyId; it is encrypted at most with SQS-owned keys",
        "5:3: error ENC005 SqsManaged: queue uses SQS-managed SSE (SqsManagedSseEnabled), which is not a customer-managed key; set KmsMasterKeyId",
      ])
  }

  @Test func enc006() throws {
    #expect(
      try LintFixture.lines("ENC006", Self.theme, "ENC006-fail.yaml") == [
        "3:3: warning ENC006 Logs: log group has no KmsKeyId; its events are not encrypted with a customer-managed key"
      ])
  }

  @Test func enc007() throws {
    #expect(
      try LintFixture.lines("ENC007", Self.theme, "ENC007-fail.yaml") == [
        "3:3: warning ENC007 Default: repository encrypts with AES256 keys ECR owns; set EncryptionType KMS with a customer-managed KmsKey",
        "9:25: warning ENC007 AesExplicit: repository encrypts with AES256 keys ECR owns; set EncryptionType KMS with a customer-managed KmsKey",
        "14:9: warning ENC007 AwsManaged: repository uses KMS without KmsKey, which is the AWS managed key aws/ecr",
      ])
  }

  @Test func enc008() throws {
    #expect(
      try LintFixture.lines("ENC008", Self.theme, "ENC008-fail.yaml") == [
        "3:3: warning ENC008 Trigger: function has environment variables but no KmsKeyArn; they are encrypted with the AWS managed key aws/lambda"
      ])
  }

  @Test func enc009() throws {
    #expect(
      try LintFixture.lines("ENC009", Self.theme, "ENC009-fail.yaml") == [
        "7:9: error ENC009 NoMappings: launch template sets no BlockDeviceMappings with Ebs.Encrypted; volumes follow the AMI and account default",
        "15:15: error ENC009 Unencrypted: EBS volume mapping does not set Encrypted: true",
        "19:26: error ENC009 Unencrypted: EBS volume mapping has Encrypted: false",
        "20:3: error ENC009 Bastion: instance sets no BlockDeviceMappings with Ebs.Encrypted; volumes follow the AMI and account default",
        "30:45: error ENC009 Database: EBS volume mapping has Encrypted: false",
        "40:16: error ENC009 WebFleet: EBS volume mapping does not set Encrypted: true",
      ])
  }

  @Test func enc010() throws {
    #expect(
      try LintFixture.lines("ENC010", Self.theme, "ENC010-fail.yaml") == [
        "3:3: error ENC010 Scratch: volume is not encrypted: Encrypted is not set (and the account default is not part of the template)",
        "13:18: error ENC010 Explicit: volume is not encrypted (Encrypted: false)",
      ])
  }

  @Test func enc011() throws {
    #expect(
      try LintFixture.lines("ENC011", Self.theme, "ENC011-fail.yaml") == [
        "3:3: warning ENC011 ApiToken: secret has no KmsKeyId; it uses the AWS managed key aws/secretsmanager"
      ])
  }
}
