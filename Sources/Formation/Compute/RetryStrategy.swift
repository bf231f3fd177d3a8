import Template

/// How AWS Batch retries a failed job: up to `attempts` tries, with rules that pick, by the
/// way the attempt ended, whether to try again or give up.
///
/// ```swift
/// RetryStrategy(attempts: 3, rules: [
///   .retry(whenStatusReason: "Host EC2*"),   // the instance went away: Spot interruption
///   .exit(whenReason: "*"),                  // anything else is a real failure
/// ])
/// ```
/// Rules are evaluated in order and the first match wins; with no match Batch retries, so a
/// strategy that should stop on real failures ends with a catch-all `exit`.
public struct RetryStrategy: Sendable {
  /// One `EvaluateOnExit` entry.
  public struct Rule: Sendable {
    public enum Action: String, Sendable {
      case retry = "RETRY"
      case exit = "EXIT"
    }

    /// What the rule matches; patterns may end with `*`.
    public enum Match: Sendable {
      /// The attempt's status reason (`Host EC2 (instance i-...) terminated.`).
      case statusReason(String)
      /// The container's reason (`CannotPullContainerError: ...`).
      case reason(String)
      /// The container's exit code, digits optionally ending with `*`.
      case exitCode(String)
    }

    public var action: Action
    public var match: Match

    public static func retry(whenStatusReason pattern: String) -> Rule {
      Rule(action: .retry, match: .statusReason(pattern))
    }
    public static func retry(whenReason pattern: String) -> Rule {
      Rule(action: .retry, match: .reason(pattern))
    }
    public static func retry(whenExitCode pattern: String) -> Rule {
      Rule(action: .retry, match: .exitCode(pattern))
    }
    public static func exit(whenStatusReason pattern: String) -> Rule {
      Rule(action: .exit, match: .statusReason(pattern))
    }
    public static func exit(whenReason pattern: String) -> Rule {
      Rule(action: .exit, match: .reason(pattern))
    }
    public static func exit(whenExitCode pattern: String) -> Rule {
      Rule(action: .exit, match: .exitCode(pattern))
    }
  }

  public var attempts: Int
  public var rules: [Rule]

  public init(attempts: Int, rules: [Rule] = []) {
    self.attempts = attempts
    self.rules = rules
  }

  /// Letters, digits, periods, colons and white space, as Batch allows in reason patterns.
  private static func isReasonPattern(_ text: String) -> Bool {
    let body = text.hasSuffix("*") ? text.dropLast() : Substring(text)
    return text.count <= 512
      && body.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || ".: \t".contains($0) }
  }

  private static func isExitCodePattern(_ text: String) -> Bool {
    let body = text.hasSuffix("*") ? text.dropLast() : Substring(text)
    return !text.isEmpty && text.count <= 512 && body.allSatisfy { $0.isASCII && $0.isNumber }
  }

  func lower(in owner: String, at origin: SourceLocation, into context: inout LoweringContext)
    -> Value
  {
    context.require(
      (1...10).contains(attempts), .invalidValue,
      "job definition '\(owner)': retry attempts must be 1 to 10, not \(attempts)", at: origin)
    context.require(
      rules.count <= 5, .invalidValue,
      "job definition '\(owner)': Batch evaluates at most 5 retry rules, not \(rules.count)",
      at: origin)
    var entries: [Value] = []
    for rule in rules {
      var entry = Properties()
      switch rule.match {
      case .statusReason(let pattern):
        context.require(
          Self.isReasonPattern(pattern), .invalidRetryRule,
          "job definition '\(owner)': the status reason pattern '\(pattern)' may contain only letters, digits, periods, colons and spaces, optionally ending with *",
          at: origin)
        entry["OnStatusReason"] = pattern
      case .reason(let pattern):
        context.require(
          Self.isReasonPattern(pattern), .invalidRetryRule,
          "job definition '\(owner)': the reason pattern '\(pattern)' may contain only letters, digits, periods, colons and spaces, optionally ending with *",
          at: origin)
        entry["OnReason"] = pattern
      case .exitCode(let pattern):
        context.require(
          Self.isExitCodePattern(pattern), .invalidRetryRule,
          "job definition '\(owner)': the exit code pattern '\(pattern)' must be digits, optionally ending with *",
          at: origin)
        entry["OnExitCode"] = pattern
      }
      entry["Action"] = rule.action.rawValue
      entries.append(entry.value)
    }
    var strategy = Properties()
    strategy["Attempts"] = attempts
    strategy.set("EvaluateOnExit", Value.list(entries))
    return strategy.value
  }
}
