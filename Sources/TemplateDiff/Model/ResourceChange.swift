import Template

/// What happens to one resource: added, removed or modified, with its property changes and
/// the replacement verdict.
///
/// A logical id rename is two entries, a removal and an addition, each naming the other:
/// CloudFormation knows resources only by logical id, so it creates the new one and
/// deletes the old one, which is a replacement whatever the properties say.
public struct ResourceChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case added
    case removed
    case modified
  }

  public var logicalID: String
  public var kind: Kind
  public var oldType: String?
  public var newType: String?
  /// Property and attribute changes, in path order (empty for added and removed resources).
  public var changes: [ValueChange]
  public var replacement: Replacement
  /// Why the verdict is what it is, one sentence each.
  public var reasons: [String]
  /// Set on an added resource that is a removed one under a new logical id, and the reverse.
  public var renamedFrom: String?
  public var renamedTo: String?
  /// Where the resource is written: the proposed file for added and modified, else the deployed one.
  public var location: SourceLocation?

  public init(
    logicalID: String, kind: Kind, oldType: String?, newType: String?, changes: [ValueChange] = [],
    replacement: Replacement = .none, reasons: [String] = [], location: SourceLocation? = nil
  ) {
    self.logicalID = logicalID
    self.kind = kind
    self.oldType = oldType
    self.newType = newType
    self.changes = changes
    self.replacement = replacement
    self.reasons = reasons
    self.location = location
  }

  /// The type to show: the new one, or the old one for a removal.
  public var type: String { newType ?? oldType ?? "?" }

  /// Only the resource's `Metadata` changes: a real update for CloudFormation, but it
  /// touches no property of the physical resource.
  public var isMetadataOnly: Bool {
    kind == .modified && !changes.isEmpty
      && changes.allSatisfy { $0.path.segments.first == .key("Metadata") }
  }
}
