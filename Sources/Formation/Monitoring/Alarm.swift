import Template

/// A CloudWatch alarm on one metric that notifies someone.
///
/// Alarm actions are required: an alarm with none changes state and tells nobody, which is a
/// render error. Defaults: missing data is `notBreaching` (the metrics alarmed on here are
/// counts that are simply absent when nothing happened), and the actions also run when the
/// alarm returns to OK, so whoever was paged learns it recovered.
///
/// Render errors: a period CloudWatch does not accept (10 or 30 seconds, or a whole number of
/// minutes), evaluation spanning more than a day, more datapoints to alarm than evaluation
/// periods, no alarm action.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudwatch-alarm.html>
public struct Alarm: ResourceDeclaration {
  /// How the datapoints of one period are combined.
  public enum Statistic: String, Sendable {
    case sum = "Sum"
    case average = "Average"
    case minimum = "Minimum"
    case maximum = "Maximum"
    case sampleCount = "SampleCount"
  }

  /// How the statistic is compared with the threshold.
  public enum Comparison: String, Sendable {
    case greaterThanOrEqual = "GreaterThanOrEqualToThreshold"
    case greaterThan = "GreaterThanThreshold"
    case lessThan = "LessThanThreshold"
    case lessThanOrEqual = "LessThanOrEqualToThreshold"
  }

  /// What a period without data counts as.
  public enum MissingData: String, Sendable {
    case breaching
    case notBreaching
    case ignore
    case missing
  }

  public var logicalID: String
  /// The alarm's duty name; the physical name is `<application>-<environment>-<name>`.
  public var name: String?
  public var description: String
  public var metric: Metric
  public var statistic: Statistic
  public var period: TimeSpan
  public var evaluationPeriods: Int
  /// How many of the evaluation periods must breach; all of them when `nil`.
  public var datapointsToAlarm: Int?
  public var threshold: Double
  public var comparison: Comparison
  public var missingData: MissingData
  /// Topics notified when the alarm fires.
  public var actions: [ARN<Topic>]
  /// Also notify `actions` when the alarm returns to OK.
  public var notifyOnRecovery: Bool
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String? = nil, description: String, metric: Metric,
    statistic: Statistic, period: TimeSpan, evaluationPeriods: Int = 1,
    datapointsToAlarm: Int? = nil, threshold: Double, comparison: Comparison,
    missingData: MissingData = .notBreaching, actions: [ARN<Topic>], notifyOnRecovery: Bool = true,
    tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.description = description
    self.metric = metric
    self.statistic = statistic
    self.period = period
    self.evaluationPeriods = evaluationPeriods
    self.datapointsToAlarm = datapointsToAlarm
    self.threshold = threshold
    self.comparison = comparison
    self.missingData = missingData
    self.actions = actions
    self.notifyOnRecovery = notifyOnRecovery
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<Alarm> { ARN(attribute("Arn")) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !actions.isEmpty, .invalidValue,
      "alarm '\(logicalID)' has no alarm action: it would change state and tell nobody; give it a topic",
      at: origin)
    context.require(
      period.seconds == 10 || period.seconds == 30
        || (period.seconds >= 60 && period.seconds % 60 == 0),
      .invalidValue,
      "alarm '\(logicalID)': the period must be 10 seconds, 30 seconds or a whole number of minutes, not \(period)",
      at: origin)
    context.require(
      evaluationPeriods >= 1 && evaluationPeriods * period.seconds <= 86_400, .invalidValue,
      "alarm '\(logicalID)': \(evaluationPeriods) periods of \(period) must be at least one period and span at most one day",
      at: origin)
    if let datapointsToAlarm {
      context.require(
        (1...max(evaluationPeriods, 1)).contains(datapointsToAlarm), .invalidValue,
        "alarm '\(logicalID)': \(datapointsToAlarm) datapoints to alarm out of \(evaluationPeriods) evaluation periods",
        at: origin)
    }
    var properties = Properties()
    if let name { properties["AlarmName"] = context.physicalName(name) }
    properties["AlarmDescription"] = description
    properties["Namespace"] = Metric.templated(metric.namespace)
    properties["MetricName"] = metric.name
    properties.set(
      "Dimensions",
      Value.list(
        metric.dimensions.map { ["Name": .string($0.name), "Value": $0.value] as Value }))
    properties["Statistic"] = statistic.rawValue
    properties["Period"] = period.seconds
    properties["EvaluationPeriods"] = evaluationPeriods
    properties.set("DatapointsToAlarm", datapointsToAlarm)
    properties["Threshold"] = Self.number(threshold)
    properties["ComparisonOperator"] = comparison.rawValue
    properties["TreatMissingData"] = missingData.rawValue
    properties["AlarmActions"] = Value.list(actions.map(\.value))
    if notifyOnRecovery { properties["OKActions"] = Value.list(actions.map(\.value)) }
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::CloudWatch::Alarm", properties: properties.map),
        origin: origin)
    ]
  }

  /// `1`, not `1.0`, when the threshold is whole.
  private static func number(_ value: Double) -> Value {
    if value == value.rounded(), abs(value) < 1e15 { return .number(Int(value)) }
    return Value(.number(Number(value)))
  }
}
