import Template

/// An on-premises SMB share that DataSync reads through agents installed next to it.
///
/// The password should be a dynamic reference to Secrets Manager
/// (`{{resolve:secretsmanager:...}}`), never a literal or a plain parameter: a literal would
/// sit in the template and in CloudFormation's console.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-datasync-locationsmb.html>
public struct SMBLocation: OnPremisesLocation {
  public static let resourceType = "AWS::DataSync::LocationSMB"
  public static let protocolName = "SMB"

  public enum Version: String, Sendable {
    case automatic = "AUTOMATIC"
    case smb2 = "SMB2"
    case smb3 = "SMB3"
  }

  public var logicalID: String
  public var share: OnPremisesShare
  public var user: Value
  public var domain: Value?
  public var password: Value
  public var version: Version
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, host: some ValueConvertible, path: some ValueConvertible,
    user: some ValueConvertible, domain: (any ValueConvertible)? = nil,
    password: some ValueConvertible, agents: [any ValueConvertible], version: Version = .smb3,
    tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.share = OnPremisesShare(host: host, path: path, agents: agents)
    self.user = user.value
    self.domain = domain?.value
    self.password = password.value
    self.version = version
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var mountVersion: String { version.rawValue }

  public func addOwnProperties(to properties: inout Properties, context: inout LoweringContext) {
    if let literal = password.stringValue {
      context.require(
        literal.hasPrefix("{{resolve:secretsmanager:"), .invalidValue,
        "SMB location '\(logicalID)': the password is written in the template; use a {{resolve:secretsmanager:...}} reference",
        at: origin)
    }
    properties["User"] = user
    properties.set("Domain", domain)
    properties["Password"] = password
    properties["AgentArns"] = Value.list(share.agents)
  }
}
