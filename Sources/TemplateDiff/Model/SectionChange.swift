import Template

/// A change to an entry of a template section other than Resources: a parameter, mapping,
/// condition, output, rule, a Metadata key, or a top-level setting (Description, Transform).
public struct EntryChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case added
    case removed
    case modified
  }

  /// The section as CloudFormation names it: `Parameters`, `Outputs`, `Metadata`, `Template` (top-level keys).
  public var section: String
  public var name: String
  public var kind: Kind
  /// Paths inside the entry; empty for added and removed entries, whose values are `old` / `new`.
  public var changes: [ValueChange]
  public var old: Value?
  public var new: Value?
  /// A sentence that matters for the deploy (an export other stacks may import is removed).
  public var note: String?

  public init(
    section: String, name: String, kind: Kind, changes: [ValueChange] = [], old: Value? = nil,
    new: Value? = nil, note: String? = nil
  ) {
    self.section = section
    self.name = name
    self.kind = kind
    self.changes = changes
    self.old = old
    self.new = new
    self.note = note
  }
}
