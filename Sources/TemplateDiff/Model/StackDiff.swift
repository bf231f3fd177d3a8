import Template

/// The comparison of one stack: its deployed template against the proposed one.
public struct StackDiff: Sendable {
  /// What happened to the stack as a whole.
  public enum Status: String, Sendable, Hashable, Codable {
    case unchanged
    case changed
    /// Only on the proposed side: every resource is added.
    case added
    /// Only on the deployed side: every resource is removed.
    case removed
  }

  public var name: String
  /// Where each side came from: a file path or `stack:NAME`.
  public var deployedSource: String?
  public var proposedSource: String?
  public var status: Status
  public var security: SecurityReport
  public var warnings: [DiffWarning]
  public var resources: [ResourceChange]
  /// Parameters, Mappings, Conditions, Rules, Outputs, Metadata and top-level keys, in that order.
  public var entries: [EntryChange]

  public init(
    name: String, deployedSource: String?, proposedSource: String?, status: Status,
    security: SecurityReport = SecurityReport(), warnings: [DiffWarning] = [],
    resources: [ResourceChange] = [],
    entries: [EntryChange] = []
  ) {
    self.name = name
    self.deployedSource = deployedSource
    self.proposedSource = proposedSource
    self.status = status
    self.security = security
    self.warnings = warnings
    self.resources = resources
    self.entries = entries
  }

  public var hasChanges: Bool { status != .unchanged }
  public var hasReplacement: Bool {
    resources.contains { $0.replacement != .none && $0.kind == .modified }
      || resources.contains { $0.renamedFrom != nil }
  }
  public var hasSecurityChanges: Bool { !security.isEmpty }
  public var hasDataLoss: Bool { warnings.contains { $0.kind == .dataLoss } }
}
