/// An access key, its secret, and the session token of temporary credentials.
public struct AWSCredentials: Sendable, Hashable {
  public var accessKeyID: String
  public var secretAccessKey: String
  public var sessionToken: String?
  /// Where they came from, for messages: `environment`, `profile default (~/.aws/credentials)`.
  public var source: String

  public init(
    accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
    source: String = "given"
  ) {
    self.accessKeyID = accessKeyID
    self.secretAccessKey = secretAccessKey
    self.sessionToken = sessionToken
    self.source = source
  }
}
