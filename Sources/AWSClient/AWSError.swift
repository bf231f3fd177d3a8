/// A failure to reach the deployed side: no credentials, a missing stack, a rejected
/// signature, a throttle that outlasted the retries, an endpoint that does not answer.
///
/// Ids are stable (`A0001`...), messages say what to do; the CLI prints them and exits 2.
public struct AWSError: Error, Sendable, Hashable, CustomStringConvertible {
  public var id: ID
  public var message: String
  /// The service's error code (`ValidationError`, `SignatureDoesNotMatch`), when it sent one.
  public var code: String?

  public init(_ id: ID, _ message: String, code: String? = nil) {
    self.id = id
    self.message = message
    self.code = code
  }

  public var description: String { "error \(id.rawValue): \(message)" }

  public struct ID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// No credentials in the environment, the shared files, or the named profile.
    public static let noCredentials = ID(rawValue: "A0001")
    /// No region from `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile.
    public static let noRegion = ID(rawValue: "A0002")
    /// `--profile` / `AWS_PROFILE` names a profile the files do not have.
    public static let unknownProfile = ID(rawValue: "A0003")
    /// The profile gets credentials some way Formation does not implement (SSO, role, process).
    public static let unsupportedProfile = ID(rawValue: "A0004")
    /// `--endpoint-url` is not an http(s) URL.
    public static let badEndpoint = ID(rawValue: "A0005")
    /// The stack does not exist (CloudFormation's `ValidationError ... does not exist`).
    public static let stackNotFound = ID(rawValue: "A0010")
    /// The credentials were rejected: unknown key, wrong secret, expired token.
    public static let badCredentials = ID(rawValue: "A0011")
    /// Throttled on every attempt.
    public static let throttled = ID(rawValue: "A0012")
    /// The endpoint did not answer: no route, refused, timed out, TLS failure.
    public static let unreachable = ID(rawValue: "A0013")
    /// The caller may not call the action.
    public static let accessDenied = ID(rawValue: "A0014")
    /// Any other error response, or a response that cannot be read.
    public static let serviceError = ID(rawValue: "A0015")
    /// `formation-https`, the helper that makes the HTTP requests, is missing or broken.
    public static let transportMissing = ID(rawValue: "A0016")
  }
}
