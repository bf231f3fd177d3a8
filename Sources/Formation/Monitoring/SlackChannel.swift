import Template

/// An AWS Chatbot Slack channel that posts the messages of SNS topics (alarms, failures).
///
/// Notifications only: channel members get no AWS permissions beyond the guardrail
/// (`CloudWatchReadOnlyAccess` by default, never the `AdministratorAccess` Chatbot assumes
/// when none is given), and the role Chatbot uses should hold read-only CloudWatch access at most.
/// The workspace must have been authorised in the Chatbot console once; the ids usually come
/// from parameters, with a condition to skip the channel when they are empty.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-chatbot-slackchannelconfiguration.html>
public struct SlackChannel: ResourceDeclaration {
  public enum LoggingLevel: String, Sendable {
    case error = "ERROR"
    case info = "INFO"
    case none = "NONE"
  }

  public var logicalID: String
  /// The duty name; the configuration is `<application>-<environment>-<name>`.
  public var name: String
  public var workspaceID: Value
  public var channelID: Value
  public var role: ARN<Role>
  public var topics: [ARN<Topic>]
  public var guardrails: [Value]
  public var loggingLevel: LoggingLevel
  /// Create the channel only when this condition holds.
  public var condition: Condition?
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, workspaceID: some ValueConvertible,
    channelID: some ValueConvertible, role: ARN<Role>, topics: [ARN<Topic>],
    guardrails: [any ValueConvertible] = [
      ARN.awsManagedPolicy("CloudWatchReadOnlyAccess")
    ],
    loggingLevel: LoggingLevel = .error, when condition: Condition? = nil, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.workspaceID = workspaceID.value
    self.channelID = channelID.value
    self.role = role
    self.topics = topics
    self.guardrails = guardrails.map(\.value)
    self.loggingLevel = loggingLevel
    self.condition = condition
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !topics.isEmpty, .invalidValue,
      "slack channel '\(logicalID)' follows no topic: it would never post anything", at: origin)
    context.require(
      !guardrails.isEmpty, .invalidValue,
      "slack channel '\(logicalID)' has no guardrail policy; Chatbot would apply AdministratorAccess",
      at: origin)
    var properties = Properties()
    properties["ConfigurationName"] = context.physicalName(name)
    properties["IamRoleArn"] = role
    properties["SlackWorkspaceId"] = workspaceID
    properties["SlackChannelId"] = channelID
    properties["SnsTopicArns"] = Value.list(topics.map(\.value))
    properties["GuardrailPolicies"] = Value.list(guardrails)
    properties["LoggingLevel"] = loggingLevel.rawValue
    properties["UserRoleRequired"] = false
    properties.set("Tags", (context.tags + tags).keyValueList)
    let resource = Resource(
      type: "AWS::Chatbot::SlackChannelConfiguration", properties: properties.map,
      condition: condition?.name)
    return [LoweredResource(logicalID, resource, origin: origin)]
  }
}
