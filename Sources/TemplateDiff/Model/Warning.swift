/// A loud warning about a resource change: data that would be deleted, or a replacement
/// CloudFormation cannot carry out because the physical name is fixed.
public struct DiffWarning: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    /// A stateful resource is deleted (removed, replaced, renamed) without Retain or Snapshot.
    case dataLoss = "data-loss"
    /// A replaced resource keeps a fixed name: the new one cannot be created while the old exists.
    case nameCollision = "name-collision"
    /// An export changes value while another stack of the compared set imports it:
    /// CloudFormation refuses the update.
    case importedExportChanges = "imported-export-changes"
  }

  public var kind: Kind
  public var logicalID: String
  public var type: String
  public var message: String

  public init(kind: Kind, logicalID: String, type: String, message: String) {
    self.kind = kind
    self.logicalID = logicalID
    self.type = type
    self.message = message
  }
}
