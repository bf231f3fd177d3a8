/// One branch of an `Fn::If`: the condition it tests and which way it went.
///
/// Resolution never picks a branch (a condition usually depends on a parameter that the
/// deployer may override), so every value that went through an `Fn::If` carries the branch
/// it came from, and findings can say "when condition IsProd is false".
public struct BranchAssumption: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var condition: String
  public var holds: Bool

  public init(_ condition: String, holds: Bool) {
    self.condition = condition
    self.holds = holds
  }

  /// `IsProd is true`.
  public var description: String { "\(condition) is \(holds)" }

  public static func < (lhs: BranchAssumption, rhs: BranchAssumption) -> Bool {
    (lhs.condition, lhs.holds ? 1 : 0) < (rhs.condition, rhs.holds ? 1 : 0)
  }
}

/// One value the deployer may choose for a parameter: `Environment is dev`.
///
/// A `Fn::FindInMap` keyed by a parameter without a default resolves to one value per key the
/// parameter can take (its `AllowedValues`, else the mapping's keys, since any other value
/// fails the deployment), each carrying the choice it assumes, as `Fn::If` branches do.
public struct ParameterChoice: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var parameter: String
  public var value: String

  public init(_ parameter: String, is value: String) {
    self.parameter = parameter
    self.value = value
  }

  /// `parameter Environment is dev`.
  public var description: String { "parameter \(parameter) is \(value)" }

  public static func < (lhs: ParameterChoice, rhs: ParameterChoice) -> Bool {
    (lhs.parameter, lhs.value) < (rhs.parameter, rhs.value)
  }
}

/// A consistent set of branch assumptions, sorted by condition name; empty means "always".
///
/// Besides `Fn::If` branches it may hold parameter choices (`ParameterChoice`): two choices of
/// different values for one parameter contradict, like two branches of one condition. The IAM
/// evaluator enumerates scenarios over condition branches only (`conditions`); a value that
/// depends on a parameter choice counts in every scenario.
public struct Assumptions: Sendable, Hashable, CustomStringConvertible {
  public private(set) var branches: [BranchAssumption]
  /// The parameter values assumed, sorted by parameter name.
  public private(set) var choices: [ParameterChoice] = []

  public init(_ branches: [BranchAssumption] = []) {
    self.branches = []
    for branch in branches { _ = insert(branch) }
  }

  /// No assumption: the value holds in every branch.
  public static let always = Assumptions()

  public var isEmpty: Bool { branches.isEmpty && choices.isEmpty }
  /// The condition names mentioned.
  public var conditions: [String] { branches.map(\.condition) }

  /// Whether `condition` is assumed true, false, or not mentioned (`nil`).
  public func value(of condition: String) -> Bool? {
    branches.first { $0.condition == condition }?.holds
  }

  /// Adds a branch; returns false (and leaves the set unchanged) when it contradicts one already there.
  @discardableResult
  public mutating func insert(_ branch: BranchAssumption) -> Bool {
    if let existing = value(of: branch.condition) { return existing == branch.holds }
    branches.append(branch)
    branches.sort()
    return true
  }

  /// The value assumed for `parameter`, or `nil` when none is.
  public func choice(of parameter: String) -> String? {
    choices.first { $0.parameter == parameter }?.value
  }

  /// Adds a parameter choice; returns false (and leaves the set unchanged) when another value
  /// of the same parameter is already assumed.
  @discardableResult
  public mutating func insert(_ choice: ParameterChoice) -> Bool {
    if let existing = self.choice(of: choice.parameter) { return existing == choice.value }
    choices.append(choice)
    choices.sort()
    return true
  }

  /// Both sets together, or `nil` when they contradict each other (one says IsProd is true,
  /// the other false): such a combination can never be deployed and is dropped.
  public func merged(with other: Assumptions) -> Assumptions? {
    // Most values depend on no branch: merging with nothing is the other set, unchanged.
    if other.isEmpty { return self }
    if isEmpty { return other }
    var result = self
    for branch in other.branches where !result.insert(branch) { return nil }
    for choice in other.choices where !result.insert(choice) { return nil }
    return result
  }

  /// True when every assumption here also holds in `scenario` (a full or partial assignment).
  public func holds(in scenario: Assumptions) -> Bool {
    branches.allSatisfy { branch in
      guard let assigned = scenario.value(of: branch.condition) else { return true }
      return assigned == branch.holds
    }
      && choices.allSatisfy { choice in
        guard let assigned = scenario.choice(of: choice.parameter) else { return true }
        return assigned == choice.value
      }
  }

  /// `when condition IsProd is true and parameter Environment is dev`; empty when there is no
  /// assumption.
  public var description: String {
    if isEmpty { return "" }
    return "when "
      + (branches.map { "condition \($0.condition) is \($0.holds)" } + choices.map(\.description))
      .joined(separator: " and ")
  }
}
