import Template

/// An on-premises NFS export (the sequencers' NAS) that DataSync reads through agents
/// installed next to it.
///
/// Host, export path and agent ARNs usually come from parameters, since they describe the
/// site, not the architecture. A literal path that is not absolute, or no agent, or more
/// than the 8 agents a location takes, is a render error.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-datasync-locationnfs.html>
public struct NFSLocation: ResourceDeclaration {
  public enum Version: String, Sendable {
    case automatic = "AUTOMATIC"
    case nfs3 = "NFS3"
    case nfs40 = "NFS4_0"
    case nfs41 = "NFS4_1"
  }

  public var logicalID: String
  public var host: Value
  public var path: Value
  public var agents: [Value]
  public var version: Version
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, host: some ValueConvertible, path: some ValueConvertible,
    agents: [any ValueConvertible], version: Version = .automatic, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.host = host.value
    self.path = path.value
    self.agents = agents.map(\.value)
    self.version = version
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<DataSyncLocation> { ARN(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      (1...8).contains(agents.count), .invalidValue,
      "NFS location '\(logicalID)' needs 1 to 8 agents, not \(agents.count)", at: origin)
    if let literal = path.stringValue {
      context.require(
        literal.hasPrefix("/"), .invalidValue,
        "NFS location '\(logicalID)': the export path must be absolute, not '\(literal)'",
        at: origin)
    }
    var properties = Properties()
    properties["ServerHostname"] = host
    properties["Subdirectory"] = path
    properties["OnPremConfig"] = ["AgentArns": .list(agents)] as Value
    properties["MountOptions"] = ["Version": .string(version.rawValue)] as Value
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::DataSync::LocationNFS", properties: properties.map),
        origin: origin)
    ]
  }
}
