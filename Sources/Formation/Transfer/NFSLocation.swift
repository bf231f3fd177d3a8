import Template

/// An on-premises NFS export (the sequencers' NAS) that DataSync reads through agents
/// installed next to it.
///
/// Host, export path and agent ARNs usually come from parameters, since they describe the
/// site, not the architecture. A literal path that is not absolute, or no agent, or more
/// than the 8 agents a location takes, is a render error.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-datasync-locationnfs.html>
public struct NFSLocation: OnPremisesLocation {
  public static let resourceType = "AWS::DataSync::LocationNFS"
  public static let protocolName = "NFS"

  public enum Version: String, Sendable {
    case automatic = "AUTOMATIC"
    case nfs3 = "NFS3"
    case nfs40 = "NFS4_0"
    case nfs41 = "NFS4_1"
  }

  public var logicalID: String
  public var share: OnPremisesShare
  public var version: Version
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, host: some ValueConvertible, path: some ValueConvertible,
    agents: [any ValueConvertible], version: Version = .automatic, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.share = OnPremisesShare(host: host, path: path, agents: agents)
    self.version = version
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var mountVersion: String { version.rawValue }

  public func addOwnProperties(to properties: inout Properties, context: inout LoweringContext) {
    if let literal = share.path.stringValue {
      context.require(
        literal.hasPrefix("/"), .invalidValue,
        "NFS location '\(logicalID)': the export path must be absolute, not '\(literal)'",
        at: origin)
    }
    properties["OnPremConfig"] = ["AgentArns": .list(share.agents)] as Value
  }
}
