/// Whether CloudFormation replaces a resource to apply a change: creates a new physical
/// resource, points references at it, and deletes the old one.
///
/// Ordered, so the verdict of a resource is the strongest verdict of its changes.
public enum Replacement: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  /// Updated in place.
  case none
  /// Depends on a value the template cannot tell (a parameter, an unresolved intrinsic) or on
  /// the property's conditional create-only rule (`conditionalCreateOnlyProperties`).
  case may
  /// A create-only property changes, or the resource's type or logical id.
  case will

  private var rank: Int {
    switch self {
    case .none: 0
    case .may: 1
    case .will: 2
    }
  }

  public static func < (lhs: Replacement, rhs: Replacement) -> Bool { lhs.rank < rhs.rank }

  /// The words a reviewer reads: "will replace", "may replace", "no replacement".
  public var phrase: String {
    switch self {
    case .none: "no replacement"
    case .may: "may replace"
    case .will: "will replace"
    }
  }
}
