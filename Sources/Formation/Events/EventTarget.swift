import Template

/// Where an EventBridge rule sends the events it matches, and what happens when delivery fails.
///
/// ```swift
/// .lambda(triggerFunction, deadLetterQueue: triggerDLQ.arn, retry: .init(attempts: 8, maximumAge: .hours(2)))
/// .topic(alertsTopic.arn, input: .transformer(paths: ["task": "$.resources[0]"], template: "\"DataSync <task> failed\""))
/// ```
/// Without a dead-letter queue an event EventBridge could not deliver after its retries is
/// dropped silently, so a blueprint should give one for every target that matters.
public struct EventTarget: Sendable {
  /// What the target is; Lambda targets get a `LambdaPermission` from the rule.
  public enum Kind: Sendable {
    case lambda(ARN<LambdaFunction>, logicalID: String)
    case topic(ARN<Topic>)
    case queue(ARN<Queue>)
    /// Any other target type by ARN, with the role EventBridge assumes to reach it.
    case other(Value, role: ARN<Role>?)
  }

  /// How EventBridge retries a delivery that failed (throttling, the target unavailable).
  public struct RetryPolicy: Sendable {
    /// Retries after the first attempt, 0 to 185 (EventBridge's default: 185).
    public var attempts: Int
    /// How long an undelivered event is kept retrying, 1 minute to 24 hours (default 24 hours).
    public var maximumAge: TimeSpan

    public init(attempts: Int, maximumAge: TimeSpan) {
      self.attempts = attempts
      self.maximumAge = maximumAge
    }
  }

  /// What the target receives instead of the whole event.
  public enum Input: Sendable {
    /// A fixed JSON text.
    case constant(String)
    /// The part of the event at a JSONPath (`$.detail`).
    case path(String)
    /// Values picked from the event by JSONPath, placed into a template with `<name>`.
    case transformer(paths: KeyValuePairs<String, String>, template: String)
  }

  public var id: String
  public var kind: Kind
  public var deadLetterQueue: ARN<Queue>?
  public var retry: RetryPolicy?
  public var input: Input?

  public init(
    id: String, _ kind: Kind, deadLetterQueue: ARN<Queue>? = nil, retry: RetryPolicy? = nil,
    input: Input? = nil
  ) {
    self.id = id
    self.kind = kind
    self.deadLetterQueue = deadLetterQueue
    self.retry = retry
    self.input = input
  }

  /// A Lambda function; its id is the function's logical id.
  public static func lambda(
    _ function: LambdaFunction, deadLetterQueue: ARN<Queue>? = nil, retry: RetryPolicy? = nil,
    input: Input? = nil
  ) -> EventTarget {
    EventTarget(
      id: function.logicalID, .lambda(function.arn, logicalID: function.logicalID),
      deadLetterQueue: deadLetterQueue, retry: retry, input: input)
  }

  /// An SNS topic. Its topic policy and key policy must let `events.amazonaws.com` publish.
  public static func topic(
    _ topic: Topic, deadLetterQueue: ARN<Queue>? = nil, retry: RetryPolicy? = nil,
    input: Input? = nil
  ) -> EventTarget {
    EventTarget(
      id: topic.logicalID, .topic(topic.arn), deadLetterQueue: deadLetterQueue, retry: retry,
      input: input)
  }

  var arn: Value {
    switch kind {
    case .lambda(let arn, _): arn.value
    case .topic(let arn): arn.value
    case .queue(let arn): arn.value
    case .other(let arn, _): arn
    }
  }

  func lower(for rule: String, at origin: SourceLocation, into context: inout LoweringContext)
    -> Value
  {
    let idCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
    context.require(
      (1...64).contains(id.count) && id.allSatisfy { idCharacters.contains($0) }, .invalidValue,
      "event rule '\(rule)': target id '\(id)' must be 1 to 64 letters, digits, '.', '-' or '_'",
      at: origin)
    var target = Properties()
    target["Id"] = id
    target["Arn"] = arn
    if case .other(_, let role?) = kind { target["RoleArn"] = role }
    if let deadLetterQueue { target["DeadLetterConfig"] = ["Arn": deadLetterQueue.value] as Value }
    if let retry {
      context.require(
        (0...185).contains(retry.attempts), .invalidValue,
        "event rule '\(rule)': target '\(id)' may retry 0 to 185 times, not \(retry.attempts)",
        at: origin)
      context.require(
        (60...86_400).contains(retry.maximumAge.seconds), .invalidValue,
        "event rule '\(rule)': target '\(id)' can keep retrying for 1 minute to 24 hours, not \(retry.maximumAge)",
        at: origin)
      target["RetryPolicy"] =
        [
          "MaximumEventAgeInSeconds": .number(retry.maximumAge.seconds),
          "MaximumRetryAttempts": .number(retry.attempts),
        ] as Value
    }
    switch input {
    case .constant(let text): target["Input"] = text
    case .path(let path): target["InputPath"] = path
    case .transformer(let paths, let template):
      var map = OrderedMap<Value>()
      for (name, path) in paths { map[name] = .string(path) }
      var transformer = Properties()
      transformer.set("InputPathsMap", Value.map(map))
      transformer["InputTemplate"] = template
      target["InputTransformer"] = transformer
    case nil: break
    }
    return target.value
  }
}
