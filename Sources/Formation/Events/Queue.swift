import Template

/// An SQS queue encrypted with a customer-managed key, with a queue policy (`<id>Policy`) that
/// denies requests without TLS, typically a dead-letter queue.
///
/// Defaults: messages kept 14 days (the maximum: a dead letter is worth keeping until someone
/// looks at it); `DeletionPolicy` and `UpdateReplacePolicy` `Retain`, since undelivered events
/// are the only record of what failed. Statements in `policy` without resources apply to
/// this queue.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html>
public struct Queue: ResourceDeclaration {
  /// Moving messages received too often to a dead-letter queue.
  public struct Redrive: Sendable {
    public var deadLetterQueue: ARN<Queue>
    public var maxReceives: Int
    public init(to deadLetterQueue: ARN<Queue>, after maxReceives: Int) {
      self.deadLetterQueue = deadLetterQueue
      self.maxReceives = maxReceives
    }
  }

  public var logicalID: String
  /// The queue's duty name; the physical name is `<application>-<environment>-<name>`.
  public var name: String?
  public var key: ARN<KMSKey>
  public var retention: TimeSpan
  public var visibilityTimeout: TimeSpan
  /// How long SQS reuses a data key before calling KMS again (default 5 minutes).
  public var dataKeyReuse: TimeSpan
  public var redrive: Redrive?
  public var policy: [Grant]
  public var deletionPolicy: RetentionPolicy
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String? = nil, key: ARN<KMSKey>, retention: TimeSpan = .days(14),
    visibilityTimeout: TimeSpan = .seconds(30), dataKeyReuse: TimeSpan = .minutes(5),
    redrive: Redrive? = nil, policy: [Grant] = [], deletionPolicy: RetentionPolicy = .retain,
    tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.key = key
    self.retention = retention
    self.visibilityTimeout = visibilityTimeout
    self.dataKeyReuse = dataKeyReuse
    self.redrive = redrive
    self.policy = policy
    self.deletionPolicy = deletionPolicy
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<Queue> { ARN(attribute("Arn")) }
  public var url: WebAddress<Queue> { WebAddress(ref) }
  /// The queue's name, the `QueueName` dimension of its metrics.
  public var queueName: Name<Queue> { Name(attribute("QueueName")) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      (60...1_209_600).contains(retention.seconds), .invalidValue,
      "queue '\(logicalID)': SQS keeps messages 1 minute to 14 days, not \(retention)", at: origin)
    context.require(
      (0...43_200).contains(visibilityTimeout.seconds), .invalidValue,
      "queue '\(logicalID)': the visibility timeout must be 0 seconds to 12 hours, not \(visibilityTimeout)",
      at: origin)
    context.require(
      (60...86_400).contains(dataKeyReuse.seconds), .invalidValue,
      "queue '\(logicalID)': a data key can be reused 1 minute to 24 hours, not \(dataKeyReuse)",
      at: origin)
    var properties = Properties()
    if let name { properties["QueueName"] = context.physicalName(name) }
    properties["KmsMasterKeyId"] = key
    properties["KmsDataKeyReusePeriodSeconds"] = dataKeyReuse.seconds
    properties["MessageRetentionPeriod"] = retention.seconds
    properties["VisibilityTimeout"] = visibilityTimeout.seconds
    if let redrive {
      context.require(
        (1...1000).contains(redrive.maxReceives), .invalidValue,
        "queue '\(logicalID)': maxReceiveCount must be 1 to 1000, not \(redrive.maxReceives)",
        at: origin)
      properties["RedrivePolicy"] =
        [
          "deadLetterTargetArn": redrive.deadLetterQueue.value,
          "maxReceiveCount": .number(redrive.maxReceives),
        ] as Value
    }
    properties.set("Tags", (context.tags + tags).keyValueList)
    var queue = Resource(type: "AWS::SQS::Queue", properties: properties.map)
    queue.retain(deletionPolicy)

    let statements =
      [
        Grant(
          .deny, sid: "DenyInsecureTransport", [.anyone], ["sqs:*"], on: [arn],
          when: [.bool("aws:SecureTransport", false)])
      ]
      + policy.map { grant in
        var grant = grant
        if grant.resources == nil { grant.resources = [arn.value] }
        return grant
      }
    let queuePolicy = Resource(
      type: "AWS::SQS::QueuePolicy",
      properties: ["Queues": [ref], "PolicyDocument": statements.document(into: &context)])
    return [
      LoweredResource(logicalID, queue, origin: origin),
      LoweredResource(logicalID + "Policy", queuePolicy, origin: origin),
    ]
  }
}
