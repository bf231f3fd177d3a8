import Template

/// One S3 lifecycle rule: transitions between storage classes and an optional expiration.
///
/// ```swift
/// LifecycleRule("ArchiveRawRuns", transitions: [.to(.glacier, after: .days(30))])
/// LifecycleRule("ExpireScratch", expiration: .after(.days(7)), abortIncompleteUploads: .days(1))
/// ```
/// An expiration is after a duration or on a date, never both (the enum makes that so); a
/// transition at or after the expiration is a render error, since the object would be gone.
public struct LifecycleRule: Sendable {
  public struct Transition: Sendable {
    public var storageClass: StorageClass
    public var after: TimeSpan
    public static func to(_ storageClass: StorageClass, after: TimeSpan) -> Transition {
      Transition(storageClass: storageClass, after: after)
    }
  }

  public enum Expiration: Sendable {
    case after(TimeSpan)
    /// An ISO 8601 date, `2030-01-01`.
    case on(String)
  }

  public var id: String
  /// Only objects under this key prefix; `nil` for the whole bucket.
  public var prefix: String?
  public var transitions: [Transition]
  public var expiration: Expiration?
  public var noncurrentVersionTransitions: [Transition]
  public var noncurrentVersionExpiration: TimeSpan?
  public var abortIncompleteUploads: TimeSpan?
  public var origin: SourceLocation

  public init(
    _ id: String, prefix: String? = nil, transitions: [Transition] = [],
    expiration: Expiration? = nil,
    noncurrentVersionTransitions: [Transition] = [], noncurrentVersionExpiration: TimeSpan? = nil,
    abortIncompleteUploads: TimeSpan? = nil, file: StaticString = #filePath, line: UInt = #line
  ) {
    self.id = id
    self.prefix = prefix
    self.transitions = transitions
    self.expiration = expiration
    self.noncurrentVersionTransitions = noncurrentVersionTransitions
    self.noncurrentVersionExpiration = noncurrentVersionExpiration
    self.abortIncompleteUploads = abortIncompleteUploads
    self.origin = .blueprint(file, line)
  }

  func lower(into context: inout LoweringContext) -> Value {
    var rule = Properties()
    rule["Id"] = id
    rule["Status"] = "Enabled"
    rule.set("Prefix", prefix)
    for duration in transitions.map(\.after) + noncurrentVersionTransitions.map(\.after)
      + [noncurrentVersionExpiration, abortIncompleteUploads].compactMap({ $0 })
    {
      context.require(
        duration.isWholeDays && duration.days >= 0, .invalidValue,
        "lifecycle rule '\(id)': S3 counts lifecycle periods in whole days, not \(duration)",
        at: origin)
    }
    if case .after(let expiry) = expiration {
      context.require(
        expiry.isWholeDays && expiry.days >= 1, .invalidValue,
        "lifecycle rule '\(id)': an expiration must be at least 1 whole day, not \(expiry)",
        at: origin)
      for transition in transitions where transition.after >= expiry {
        context.fail(
          .transitionAfterExpiration,
          "lifecycle rule '\(id)': the transition to \(transition.storageClass.rawValue) after \(transition.after) is at or after the expiration after \(expiry); the objects would already be deleted",
          at: origin)
      }
    }
    switch expiration {
    case .after(let duration): rule["ExpirationInDays"] = duration.days
    case .on(let date): rule["ExpirationDate"] = date
    case nil: break
    }
    rule.set(
      "Transitions",
      transitions.map {
        [
          "StorageClass": .string($0.storageClass.rawValue),
          "TransitionInDays": .number($0.after.days),
        ] as Value
      })
    rule.set(
      "NoncurrentVersionTransitions",
      noncurrentVersionTransitions.map {
        [
          "StorageClass": .string($0.storageClass.rawValue),
          "TransitionInDays": .number($0.after.days),
        ] as Value
      })
    rule.set(
      "NoncurrentVersionExpiration",
      noncurrentVersionExpiration.map { ["NoncurrentDays": .number($0.days)] as Value })
    rule.set(
      "AbortIncompleteMultipartUpload",
      abortIncompleteUploads.map { ["DaysAfterInitiation": .number($0.days)] as Value })
    return rule.value
  }
}
