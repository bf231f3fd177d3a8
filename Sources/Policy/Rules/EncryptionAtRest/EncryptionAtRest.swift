/// Encryption at rest: data stores encrypt with keys the account controls.
///
/// A customer-managed KMS key puts decryption behind a key policy and CloudTrail; AWS owned
/// and AWS managed keys give any principal with data access the plaintext as well.
public enum EncryptionAtRest {
  public static let theme = "encryption-at-rest"

  public static var rules: [Rule] {
    [
      bucketEncryption, keyRotation, tableEncryption, topicEncryption, queueEncryption,
      logGroupEncryption, repositoryEncryption, functionEnvironmentEncryption,
      launchTemplateEncryption,
      volumeEncryption, secretEncryption,
    ]
  }
}
