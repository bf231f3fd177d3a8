import Template

/// The evaluator's answer to "is this request allowed".
///
/// Conditions are reported, never guessed: an Allow that applies only when its `Condition`
/// holds gives `.conditionallyAllowed` with those conditions listed; a statement whose
/// action, resource or principal the template does not determine gives `.unknown` with the
/// reasons.
public struct Decision: Sendable, Hashable, CustomStringConvertible {
  public enum Outcome: String, Sendable, Hashable, Comparable {
    /// An unconditional Deny applies.
    case explicitlyDenied = "explicitly denied"
    /// No Allow applies (the implicit deny).
    case notAllowed = "not allowed"
    /// An Allow or a Deny may apply but the template does not say (`unknownReasons`).
    case unknown
    /// An Allow applies when its conditions hold (`conditions`), or an Allow applies unless a
    /// conditional Deny does.
    case conditionallyAllowed = "allowed if conditions hold"
    /// An unconditional Allow applies and no Deny can.
    case allowed

    /// From most restrictive to most permissive.
    package var rank: Int {
      switch self {
      case .explicitlyDenied: 0
      case .notAllowed: 1
      case .unknown: 2
      case .conditionallyAllowed: 3
      case .allowed: 4
      }
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rank < rhs.rank }
  }

  public var outcome: Outcome
  /// The Allow statements that apply (or may apply).
  public var allowedBy: [Statement]
  /// The Deny statements that apply (or may apply).
  public var deniedBy: [Statement]
  /// The conditions the allowing statements require.
  public var conditions: [ConditionClause]
  /// The conditions under which a conditional Deny would apply and take the access away.
  public var denyConditions: [ConditionClause]
  /// Why the answer is unknown (or why a Deny may or may not apply).
  public var unknownReasons: [String]
  /// The `Fn::If` branches under which this answer holds; empty when it holds in every branch.
  public var assumptions: Assumptions

  public init(
    outcome: Outcome, allowedBy: [Statement] = [], deniedBy: [Statement] = [],
    conditions: [ConditionClause] = [],
    denyConditions: [ConditionClause] = [], unknownReasons: [String] = [],
    assumptions: Assumptions = .always
  ) {
    self.denyConditions = denyConditions
    self.outcome = outcome
    self.allowedBy = allowedBy
    self.deniedBy = deniedBy
    self.conditions = conditions
    self.unknownReasons = unknownReasons
    self.assumptions = assumptions
  }

  /// Allowed, allowed under conditions, or undecided: what a rule that forbids an access must report.
  public var mayBeAllowed: Bool { outcome >= .unknown }
  public var isAllowed: Bool { outcome == .allowed }

  /// `allowed by statement 2 (Sid "X")`, `allowed if conditions hold (StringEquals aws:SourceAccount = ...)
  /// by statement 1`, `unknown: ...`, followed by the branch when there is one.
  public var description: String {
    var text: String
    switch outcome {
    case .allowed:
      text = "allowed by " + allowedBy.map(\.label).joined(separator: ", ")
    case .conditionallyAllowed:
      text = "allowed"
      if !conditions.isEmpty {
        text +=
          " if conditions hold (" + conditions.map(\.description).joined(separator: "; ") + ")"
      }
      if !allowedBy.isEmpty { text += " by " + allowedBy.map(\.label).joined(separator: ", ") }
      if !denyConditions.isEmpty {
        text += " unless (" + denyConditions.map(\.description).joined(separator: "; ") + ")"
      }
    case .unknown:
      text = "cannot tell: " + unknownReasons.joined(separator: "; ")
    case .explicitlyDenied:
      text = "explicitly denied by " + deniedBy.map(\.label).joined(separator: ", ")
    case .notAllowed:
      text = "not allowed"
    }
    if !assumptions.isEmpty { text += " " + assumptions.description }
    return text
  }
}
