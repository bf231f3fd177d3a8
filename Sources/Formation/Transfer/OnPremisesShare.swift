import Template

/// What every on-premises DataSync location has (NFS export, SMB share): the server the
/// agents reach, the folder on it, and the agents that read it.
public struct OnPremisesShare: Sendable {
  public var host: Value
  /// The export or share and folder, `/exports/runs` or `/share/runs`.
  public var path: Value
  public var agents: [Value]

  public init(
    host: some ValueConvertible, path: some ValueConvertible, agents: [any ValueConvertible]
  ) {
    self.host = host.value
    self.path = path.value
    self.agents = agents.map(\.value)
  }
}

/// An on-premises location DataSync reads through agents: the NFS and SMB locations lower
/// the same way but for a few properties of their own, so the shared part (1 to 8 agents as a
/// location takes, hostname, folder, mount version, tags) is written once here.
public protocol OnPremisesLocation: ResourceDeclaration {
  /// `AWS::DataSync::LocationNFS`, `AWS::DataSync::LocationSMB`.
  static var resourceType: String { get }
  /// `NFS`, `SMB`: how messages name the location.
  static var protocolName: String { get }
  var share: OnPremisesShare { get }
  /// The `MountOptions.Version` value.
  var mountVersion: String { get }
  var tags: [Tag] { get }
  /// Adds what only this kind of location has (credentials, where the agents go) and checks it.
  func addOwnProperties(to properties: inout Properties, context: inout LoweringContext)
}

extension OnPremisesLocation {
  public var arn: ARN<DataSyncLocation> { ARN(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      (1...8).contains(share.agents.count), .invalidValue,
      "\(Self.protocolName) location '\(logicalID)' needs 1 to 8 agents, not \(share.agents.count)",
      at: origin)
    var properties = Properties()
    properties["ServerHostname"] = share.host
    properties["Subdirectory"] = share.path
    addOwnProperties(to: &properties, context: &context)
    properties["MountOptions"] = ["Version": .string(mountVersion)] as Value
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: Self.resourceType, properties: properties.map), origin: origin)
    ]
  }
}
