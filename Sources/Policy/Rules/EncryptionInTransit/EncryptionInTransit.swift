/// Encryption in transit: resource policies refuse requests that are not sent over TLS 1.2+.
///
/// AWS endpoints accept plain HTTP for S3, SNS and SQS unless a resource policy denies it; the
/// deny must name every principal (`*`), every action of the service and test the transport.
public enum EncryptionInTransit {
  public static let theme = "encryption-in-transit"

  public static var rules: [Rule] {
    [bucketRequiresTLS, bucketRequiresTLS12, topicRequiresTLS, queueRequiresTLS]
  }
}
