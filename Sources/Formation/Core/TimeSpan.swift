import Template

/// A length of time, typed so a lifecycle rule says `.days(30)` rather than a bare `30` whose
/// unit depends on the property.
public struct TimeSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var seconds: Int

  public init(seconds: Int) { self.seconds = seconds }

  public static func seconds(_ n: Int) -> TimeSpan { TimeSpan(seconds: n) }
  public static func minutes(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 60) }
  public static func hours(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 3600) }
  public static func days(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 86_400) }

  /// Whole days, for properties counted in days (lifecycle rules, log retention, key deletion).
  public var days: Int { seconds / 86_400 }
  public var isWholeDays: Bool { seconds % 86_400 == 0 }
  public var minutes: Int { seconds / 60 }

  public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }

  public var description: String {
    if isWholeDays { return "\(days) days" }
    if seconds % 3600 == 0 { return "\(seconds / 3600) hours" }
    if seconds % 60 == 0 { return "\(minutes) minutes" }
    return "\(seconds) seconds"
  }
}

/// What happens to a stateful resource when the stack deletes or replaces it.
public enum RetentionPolicy: String, Sendable {
  /// Keep it: the data outlives the stack. The default for everything that holds data.
  case retain = "Retain"
  /// Delete it with the stack; for scratch data only.
  case delete = "Delete"
  /// Keep a snapshot (tables, volumes, databases).
  case snapshot = "Snapshot"
}

extension Resource {
  /// Sets both `DeletionPolicy` and `UpdateReplacePolicy`: a replacement loses data exactly like a deletion.
  mutating func retain(_ policy: RetentionPolicy) {
    deletionPolicy = .string(policy.rawValue)
    updateReplacePolicy = .string(policy.rawValue)
  }
}
