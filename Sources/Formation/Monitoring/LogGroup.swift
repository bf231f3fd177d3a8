import Template

/// A CloudWatch Logs log group that is encrypted with a customer-managed key, keeps its events
/// for a bounded time, and survives the stack.
///
/// Defaults, each a decision a reviewer would otherwise have to check: retention one year
/// (365 days: long enough to investigate an incident after the fact, and what checkov's
/// CKV_AWS_338 asks for); `DeletionPolicy` and `UpdateReplacePolicy` `Retain`, because logs
/// are evidence. The key is required: the logs service must be allowed to use it in the key
/// policy (`logs.<region>.amazonaws.com`), which is why it is a key of these blueprints.
///
/// CloudWatch accepts only certain retention periods; any other is a render error at the
/// blueprint line rather than a failed deployment.
///
/// ```swift
/// LogGroup("TriggerFunctionLogs", name: "/aws/lambda/...", key: Keys.logsKey.arn, retention: .days(365))
/// ```
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html>
public struct LogGroup: ResourceDeclaration {
  /// The retention periods CloudWatch Logs accepts, in days.
  public static let allowedRetentionDays: [Int] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
  ]

  public var logicalID: String
  /// The log group's name; `nil` lets CloudFormation generate one. A service that writes to a
  /// fixed name (`/aws/lambda/<function>`) needs it set, or it creates its own unencrypted group.
  public var name: Value?
  public var key: ARN<KMSKey>
  /// How long events are kept; one of `allowedRetentionDays`.
  public var retention: TimeSpan
  public var deletionPolicy: RetentionPolicy
  public var tags: [Tag]
  /// Findings of `formation lint` (and checkov) accepted for this log group, with their reasons.
  public var suppressions: [Suppression]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: (any ValueConvertible)? = nil, key: ARN<KMSKey>,
    retention: TimeSpan = .days(365), deletionPolicy: RetentionPolicy = .retain, tags: [Tag] = [],
    suppressions: [Suppression] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name?.value
    self.key = key
    self.retention = retention
    self.deletionPolicy = deletionPolicy
    self.tags = tags
    self.suppressions = suppressions
    self.origin = .blueprint(file, line)
  }

  /// `Fn::GetAtt Arn`: `arn:...:logs:region:account:log-group:NAME:*`, the form IAM statements
  /// about the group's streams and DataSync's `CloudWatchLogGroupArn` take.
  public var arn: ARN<LogGroup> { ARN(attribute("Arn")) }
  /// `Ref`: the log group's name.
  public var logGroupName: Name<LogGroup> { Name(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      retention.isWholeDays && Self.allowedRetentionDays.contains(retention.days), .invalidValue,
      "log group '\(logicalID)': CloudWatch Logs cannot keep events for \(retention); use one of "
        + Self.allowedRetentionDays.map(String.init).joined(separator: ", ") + " days",
      at: origin)
    var properties = Properties()
    properties.set("LogGroupName", name)
    properties["KmsKeyId"] = key
    properties["RetentionInDays"] = retention.days
    properties.set("Tags", (context.tags + tags).keyValueList)
    var group = Resource(type: "AWS::Logs::LogGroup", properties: properties.map)
    group.retain(deletionPolicy)
    group.metadata = suppressions.metadata
    return [LoweredResource(logicalID, group, origin: origin)]
  }
}
