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

/// A consistent set of branch assumptions, sorted by condition name; empty means "always".
public struct Assumptions: Sendable, Hashable, CustomStringConvertible {
  public private(set) var branches: [BranchAssumption]

  public init(_ branches: [BranchAssumption] = []) {
    self.branches = []
    for branch in branches { _ = insert(branch) }
  }

  /// No assumption: the value holds in every branch.
  public static let always = Assumptions()

  public var isEmpty: Bool { branches.isEmpty }
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

  /// Both sets together, or `nil` when they contradict each other (one says IsProd is true,
  /// the other false): such a combination can never be deployed and is dropped.
  public func merged(with other: Assumptions) -> Assumptions? {
    var result = self
    for branch in other.branches where !result.insert(branch) { return nil }
    return result
  }

  /// True when every assumption here also holds in `scenario` (a full or partial assignment).
  public func holds(in scenario: Assumptions) -> Bool {
    branches.allSatisfy { branch in
      guard let assigned = scenario.value(of: branch.condition) else { return true }
      return assigned == branch.holds
    }
  }

  /// `when condition IsProd is true and condition HasVpc is false`; empty when there is no assumption.
  public var description: String {
    if branches.isEmpty { return "" }
    return "when "
      + branches.map { "condition \($0.condition) is \($0.holds)" }.joined(separator: " and ")
  }
}
