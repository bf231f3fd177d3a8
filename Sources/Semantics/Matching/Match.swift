/// The answer to "does this pattern match": yes, no, or maybe with the reason it cannot be
/// decided (a part only known at deploy time).
public enum Match: Sendable, Hashable, CustomStringConvertible {
  case no
  case maybe(String)
  case yes

  package var rank: Int {
    switch self {
    case .no: 0
    case .maybe: 1
    case .yes: 2
    }
  }

  /// The weaker of two answers: both must hold.
  public func and(_ other: Match) -> Match { other.rank < rank ? other : self }
  /// The stronger of two answers: either may hold.
  public func or(_ other: Match) -> Match { other.rank > rank ? other : self }

  public var isYes: Bool { self == .yes }
  public var isNo: Bool { self == .no }

  /// Negation, for NotAction, NotResource and NotPrincipal: maybe stays maybe.
  public var negated: Match {
    switch self {
    case .no: .yes
    case .yes: .no
    case .maybe: self
    }
  }

  public var description: String {
    switch self {
    case .no: "no"
    case .yes: "yes"
    case .maybe(let reason): "maybe (\(reason))"
    }
  }
}
