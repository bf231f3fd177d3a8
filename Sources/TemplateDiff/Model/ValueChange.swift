import Template

/// One difference between two values at a path: added, removed, modified or reordered.
///
/// `old` and `new` are the values as written (not normalised), so the reviewer sees
/// what is in each file.
public struct ValueChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case added
    case removed
    case modified
    /// The same elements in another order, in a list whose order CloudFormation passes on.
    case reordered
  }

  public var kind: Kind
  public var path: PropertyPath
  public var old: Value?
  public var new: Value?
  /// Whether this change replaces the resource, and why.
  public var replacement: Replacement
  public var replacementReason: String?

  public init(
    kind: Kind, path: PropertyPath, old: Value?, new: Value?, replacement: Replacement = .none,
    replacementReason: String? = nil
  ) {
    self.kind = kind
    self.path = path
    self.old = old
    self.new = new
    self.replacement = replacement
    self.replacementReason = replacementReason
  }
}
