import Template

/// A CloudWatch metric: namespace, name and dimensions, as an alarm watches it.
///
/// The AWS metrics the blueprints alarm on have typed constructors, so a Lambda alarm's
/// dimension is a function's name and an SQS alarm's a queue's, never a mistyped string:
/// `.lambda(.errors, of: triggerFunction)`, `.sqs(.visibleMessages, of: deadLetterQueue)`.
public struct Metric: Sendable {
  /// One dimension: a name and a value (usually a reference to the resource measured).
  public struct Dimension: Sendable {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: some ValueConvertible) {
      self.name = name
      self.value = value.value
    }

    public static func functionName(_ name: Name<LambdaFunction>) -> Dimension {
      Dimension("FunctionName", name)
    }
    public static func queueName(_ name: Name<Queue>) -> Dimension { Dimension("QueueName", name) }
    public static func ruleName(_ name: Name<EventRule>) -> Dimension {
      Dimension("RuleName", name)
    }
  }

  /// Metrics of `AWS/Lambda` per function.
  public struct LambdaMetric: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Invocations that ended in a function error (an exception, a timeout, out of memory).
    public static let errors = LambdaMetric(rawValue: "Errors")
    /// Invocations refused because concurrency was exhausted.
    public static let throttles = LambdaMetric(rawValue: "Throttles")
    /// Asynchronous events that could not be written to the dead-letter queue.
    public static let deadLetterErrors = LambdaMetric(rawValue: "DeadLetterErrors")
    public static let duration = LambdaMetric(rawValue: "TimeSpan")
  }

  /// Metrics of `AWS/SQS` per queue.
  public struct QueueMetric: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Messages waiting to be received: for a dead-letter queue, failures nobody handled yet.
    public static let visibleMessages = QueueMetric(rawValue: "ApproximateNumberOfMessagesVisible")
    public static let oldestMessageAge = QueueMetric(rawValue: "ApproximateAgeOfOldestMessage")
  }

  /// Metrics of `AWS/Events` per rule.
  public struct RuleMetric: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let matchedEvents = RuleMetric(rawValue: "MatchedEvents")
    /// Deliveries to a target that failed for good (after retries).
    public static let failedInvocations = RuleMetric(rawValue: "FailedInvocations")
  }

  /// The namespace; a custom one may name parameters, `GeneXOmics/${Environment}`, so two
  /// deployments in one account keep their metrics apart.
  public var namespace: String
  public var name: String
  public var dimensions: [Dimension]

  /// A string as CloudFormation takes it: `Fn::Sub` when it names a parameter.
  static func templated(_ text: String) -> Value { text.contains("${") ? .sub(text) : .string(text) }

  /// `text` with its `${...}` references removed, for checking the literal characters.
  static func literal(_ text: String) -> String {
    var result = ""
    var depth = 0
    var previous: Character = " "
    for character in text {
      if character == "{" && previous == "$" {
        result.removeLast()
        depth += 1
      } else if character == "}" && depth > 0 {
        depth -= 1
      } else if depth == 0 {
        result.append(character)
      }
      previous = character
    }
    return result
  }

  public init(namespace: String, name: String, dimensions: [Dimension] = []) {
    self.namespace = namespace
    self.name = name
    self.dimensions = dimensions
  }

  public static func lambda(_ metric: LambdaMetric, of function: LambdaFunction) -> Metric {
    Metric(
      namespace: "AWS/Lambda", name: metric.rawValue,
      dimensions: [.functionName(function.functionName)])
  }

  public static func sqs(_ metric: QueueMetric, of queue: Queue) -> Metric {
    Metric(namespace: "AWS/SQS", name: metric.rawValue, dimensions: [.queueName(queue.queueName)])
  }

  public static func events(_ metric: RuleMetric, of rule: EventRule) -> Metric {
    Metric(namespace: "AWS/Events", name: metric.rawValue, dimensions: [.ruleName(rule.ruleName)])
  }
}
