import Template

/// An EventBridge rule on the default event bus: what it matches (an event pattern or a
/// schedule) and its targets, plus a `LambdaPermission` for each Lambda target
/// (`<rule><function>Permission`), scoped to this rule and account.
///
/// A rule with no target is a render error: it would match events and do nothing.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html>
public struct EventRule: ResourceDeclaration {
  /// What makes the rule fire.
  public enum Trigger: Sendable {
    case pattern(EventPattern)
    /// `rate(1 hour)` or `cron(0 12 * * ? *)`.
    case schedule(String)
  }

  public var logicalID: String
  /// The rule's duty name; the physical name is `<application>-<environment>-<name>`, so the
  /// rule (and its `MatchedEvents` metric) is recognisable in the console.
  public var name: String?
  public var description: String
  public var trigger: Trigger
  public var targets: [EventTarget]
  public var enabled: Bool
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String? = nil, description: String, matching pattern: EventPattern,
    targets: [EventTarget], enabled: Bool = true, tags: [Tag] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.description = description
    self.trigger = .pattern(pattern)
    self.targets = targets
    self.enabled = enabled
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public init(
    _ logicalID: String, name: String? = nil, description: String, schedule: String,
    targets: [EventTarget], enabled: Bool = true, tags: [Tag] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.description = description
    self.trigger = .schedule(schedule)
    self.targets = targets
    self.enabled = enabled
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<EventRule> { ARN(attribute("Arn")) }
  /// The rule's name, the `RuleName` dimension of its metrics.
  public var ruleName: Name<EventRule> { Name(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !targets.isEmpty, .invalidValue,
      "event rule '\(logicalID)' has no target: it would match events and do nothing",
      at: origin)
    context.require(
      targets.count <= 5, .invalidValue,
      "event rule '\(logicalID)' has \(targets.count) targets; EventBridge allows 5 per rule",
      at: origin)
    var ids = Set<String>()
    for target in targets where !ids.insert(target.id).inserted {
      context.fail(
        .invalidValue, "event rule '\(logicalID)': two targets have the id '\(target.id)'",
        at: origin)
    }
    var properties = Properties()
    if let name { properties["Name"] = context.physicalName(name) }
    properties["Description"] = description
    switch trigger {
    case .pattern(let pattern):
      properties["EventPattern"] = pattern.lower(for: logicalID, at: origin, into: &context)
    case .schedule(let expression):
      context.require(
        (expression.hasPrefix("rate(") || expression.hasPrefix("cron("))
          && expression.hasSuffix(")"),
        .invalidValue,
        "event rule '\(logicalID)': '\(expression)' is not a schedule: write rate(...) or cron(...)",
        at: origin)
      properties["ScheduleExpression"] = expression
    }
    properties["State"] = enabled ? "ENABLED" : "DISABLED"
    properties["Targets"] = Value.list(
      targets.map { $0.lower(for: logicalID, at: origin, into: &context) })
    properties.set("Tags", (context.tags + tags).keyValueList)
    var resources = [
      LoweredResource(
        logicalID, Resource(type: "AWS::Events::Rule", properties: properties.map), origin: origin)
    ]
    for target in targets {
      guard case .lambda(let function, let functionID) = target.kind else { continue }
      let permission = LambdaPermission(
        logicalID + functionID + "Permission", function: function,
        service: "events.amazonaws.com", sourceARN: arn.value, origin: origin)
      resources += permission.lower(into: &context)
    }
    return resources
  }
}
