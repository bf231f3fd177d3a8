import Template

/// Turns matching log events of a log group into a CloudWatch metric, for an alarm on
/// something only the logs know (a run recorded as failed).
///
/// The metric counts 1 per matching event, and reports 0 when nothing matched (so an alarm
/// sees data, not a gap). A custom namespace starting with `AWS/` is a render error: that
/// prefix belongs to AWS services.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-metricfilter.html>
public struct MetricFilter: ResourceDeclaration {
  public var logicalID: String
  public var logGroup: Name<LogGroup>
  /// A CloudWatch Logs filter pattern, `{ $.runStatus = "Failed" }`.
  public var pattern: String
  /// A custom namespace; may name parameters (`GeneXOmics/${Environment}`).
  public var namespace: String
  public var metricName: String
  /// What each match adds: `"1"`, or a JSON field `$.bytes`.
  public var metricValue: String
  public var defaultValue: Int?
  public var origin: SourceLocation

  public init(
    _ logicalID: String, logGroup: Name<LogGroup>, pattern: String, namespace: String,
    metricName: String, metricValue: String = "1", defaultValue: Int? = 0,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.logGroup = logGroup
    self.pattern = pattern
    self.namespace = namespace
    self.metricName = metricName
    self.metricValue = metricValue
    self.defaultValue = defaultValue
    self.origin = .blueprint(file, line)
  }

  /// The metric this filter publishes, for an alarm.
  public var metric: Metric { Metric(namespace: namespace, name: metricName) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !pattern.allSatisfy(\.isWhitespace) && pattern.count <= 1024,
      .invalidValue,
      "metric filter '\(logicalID)': the filter pattern must be 1 to 1024 characters; an empty one counts every event",
      at: origin)
    let namespaceCharacters = Set(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_/#")
    context.require(
      !Metric.literal(namespace).isEmpty && namespace.count <= 256
        && Metric.literal(namespace).allSatisfy { namespaceCharacters.contains($0) }
        && !namespace.hasPrefix("AWS/"),
      .invalidValue,
      "metric filter '\(logicalID)': '\(namespace)' is not a custom namespace (letters, digits, . - _ / #, not starting with AWS/)",
      at: origin)
    context.require(
      !metricName.isEmpty && metricName.count <= 255
        && !metricName.contains(where: { $0 == ":" || $0 == "*" || $0 == "$" || !$0.isASCII }),
      .invalidValue,
      "metric filter '\(logicalID)': '\(metricName)' is not a metric name (1 to 255 ASCII characters, no : * $)",
      at: origin)
    context.require(
      metricValue.hasPrefix("$.") || (!metricValue.isEmpty && metricValue.allSatisfy(\.isNumber)),
      .invalidValue,
      "metric filter '\(logicalID)': the metric value must be a number or a $.field, not '\(metricValue)'",
      at: origin)
    var transformation = Properties()
    transformation["MetricNamespace"] = Metric.templated(namespace)
    transformation["MetricName"] = metricName
    transformation["MetricValue"] = metricValue
    transformation.set("DefaultValue", defaultValue)
    var properties = Properties()
    properties["LogGroupName"] = logGroup
    properties["FilterPattern"] = pattern
    properties["MetricTransformations"] = [transformation.value] as Value
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::Logs::MetricFilter", properties: properties.map),
        origin: origin)
    ]
  }
}
