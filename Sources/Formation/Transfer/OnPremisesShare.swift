import Template

/// What every on-premises DataSync location has (NFS export, SMB share): the server the
/// agents reach, the folder on it, and the agents that read it.
///
/// One place for the checks they share: 1 to 8 agents, as a location takes.
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

  /// Checks the agent count and sets `ServerHostname` and `Subdirectory`; where the agents go
  /// differs between location types, so the caller places them.
  func lower(
    _ kind: String, _ logicalID: String, at origin: SourceLocation,
    into properties: inout Properties, context: inout LoweringContext
  ) {
    context.require(
      (1...8).contains(agents.count), .invalidValue,
      "\(kind) location '\(logicalID)' needs 1 to 8 agents, not \(agents.count)", at: origin)
    properties["ServerHostname"] = host
    properties["Subdirectory"] = path
  }
}
