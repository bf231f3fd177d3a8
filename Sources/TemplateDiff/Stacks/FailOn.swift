/// What makes `formation diff` exit 1, for CI gates (`--fail-on`).
///
/// Exit 0 means nothing of that kind, 1 means some, 2 an error, as diff(1) does.
public enum FailOn: String, Sendable, CaseIterable {
  /// Any change at all (the default).
  case any
  /// A replacement, a rename, a type change.
  case replacement
  /// A change in the security section.
  case security
  /// A data-loss warning.
  case dataLoss = "data-loss"
  /// Security gets worse: a statement or network rule that allows more, a protection turned
  /// off, a finding introduced. Tightening (turning point-in-time recovery on, removing an
  /// action) does not trip it.
  case securityWorse = "security-worse"

  /// Whether these diffs trip the gate. With `securityOnly`, `any` counts security changes only.
  public func trips(_ diffs: [StackDiff], securityOnly: Bool = false) -> Bool {
    diffs.contains { diff in
      switch self {
      case .any: securityOnly ? diff.hasSecurityChanges : diff.hasChanges
      case .replacement: diff.hasReplacement
      case .security: diff.hasSecurityChanges
      case .dataLoss: diff.hasDataLoss
      case .securityWorse: diff.security.hasWeakening
      }
    }
  }
}

extension Array where Element == FailOn {
  /// Whether any of the gates trips (`--fail-on replacement,data-loss`); no gate is `any`.
  public func trips(_ diffs: [StackDiff], securityOnly: Bool = false) -> Bool {
    (isEmpty ? [.any] : self).contains { $0.trips(diffs, securityOnly: securityOnly) }
  }
}
