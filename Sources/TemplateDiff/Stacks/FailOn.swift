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

  /// Whether these diffs trip the gate. With `securityOnly`, `any` counts security changes only.
  public func trips(_ diffs: [StackDiff], securityOnly: Bool = false) -> Bool {
    diffs.contains { diff in
      switch self {
      case .any: securityOnly ? diff.hasSecurityChanges : diff.hasChanges
      case .replacement: diff.hasReplacement
      case .security: diff.hasSecurityChanges
      case .dataLoss: diff.hasDataLoss
      }
    }
  }
}
