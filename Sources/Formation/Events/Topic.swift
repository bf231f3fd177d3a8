import Template

/// An SNS topic encrypted with a customer-managed key, its subscriptions
/// (`<id><subscription>Subscription`) and a topic policy (`<id>Policy`) that denies
/// publishing without TLS and names the services that may publish.
///
/// A subscription may carry a condition, so an endpoint from an optional parameter (an email
/// address left empty) creates no subscription instead of a broken one.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html>
public struct Topic: ResourceDeclaration {
  /// A delivery endpoint of the topic.
  public struct Subscription: Sendable {
    /// SNS delivery protocols that the blueprints use; others by raw value.
    public struct `Protocol`: RawRepresentable, Hashable, Sendable {
      public var rawValue: String
      public init(rawValue: String) { self.rawValue = rawValue }
      public static let email = Protocol(rawValue: "email")
      /// HTTPS only: an `http` endpoint would send alerts in clear text.
      public static let https = Protocol(rawValue: "https")
      public static let sqs = Protocol(rawValue: "sqs")
      public static let lambda = Protocol(rawValue: "lambda")
    }

    /// Appended to the topic's logical id: `AlertsTopic` + `Email` + `Subscription`.
    public var id: String
    public var `protocol`: Protocol
    public var endpoint: Value
    /// Create the subscription only when this condition holds.
    public var condition: Condition?

    public init(
      _ id: String, _ protocol: Protocol, endpoint: some ValueConvertible,
      when condition: Condition? = nil
    ) {
      self.id = id
      self.protocol = `protocol`
      self.endpoint = endpoint.value
      self.condition = condition
    }

    public static func email(
      _ id: String, _ address: some ValueConvertible, when condition: Condition? = nil
    ) -> Subscription {
      Subscription(id, .email, endpoint: address, when: condition)
    }

    public static func https(
      _ id: String, _ url: some ValueConvertible, when condition: Condition? = nil
    ) -> Subscription {
      Subscription(id, .https, endpoint: url, when: condition)
    }
  }

  public var logicalID: String
  /// The topic's duty name; the physical name is `<application>-<environment>-<name>`.
  public var name: String?
  public var displayName: String?
  public var key: ARN<KMSKey>
  public var subscriptions: [Subscription]
  /// Services that may publish (`cloudwatch.amazonaws.com`, `events.amazonaws.com`), each only
  /// on behalf of this account (an `aws:SourceAccount` condition).
  public var publishingServices: [String]
  /// More statements for the topic policy; ones without resources apply to this topic.
  public var policy: [Grant]
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String? = nil, displayName: String? = nil, key: ARN<KMSKey>,
    subscriptions: [Subscription] = [], publishingServices: [String] = [], policy: [Grant] = [],
    tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.displayName = displayName
    self.key = key
    self.subscriptions = subscriptions
    self.publishingServices = publishingServices
    self.policy = policy
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref` of a topic is its ARN.
  public var arn: ARN<Topic> { ARN(ref) }
  public var topicName: Name<Topic> { Name(attribute("TopicName")) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    var properties = Properties()
    if let name { properties["TopicName"] = context.physicalName(name) }
    properties.set("DisplayName", displayName)
    properties["KmsMasterKeyId"] = key
    properties.set("Tags", (context.tags + tags).keyValueList)
    var resources = [
      LoweredResource(
        logicalID, Resource(type: "AWS::SNS::Topic", properties: properties.map), origin: origin)
    ]

    var ids = Set<String>()
    for subscription in subscriptions {
      if !ids.insert(subscription.id).inserted {
        context.fail(
          .invalidValue, "topic '\(logicalID)': two subscriptions have the id '\(subscription.id)'",
          at: origin)
      }
      context.require(
        subscription.protocol.rawValue != "http", .invalidValue,
        "topic '\(logicalID)': subscription '\(subscription.id)' uses http; use https so messages are encrypted in transit",
        at: origin)
      let resource = Resource(
        type: "AWS::SNS::Subscription",
        properties: [
          "TopicArn": ref, "Protocol": .string(subscription.protocol.rawValue),
          "Endpoint": subscription.endpoint,
        ], condition: subscription.condition?.name)
      resources.append(
        LoweredResource(logicalID + subscription.id + "Subscription", resource, origin: origin))
    }

    var statements = [
      Grant(
        .deny, sid: "DenyInsecureTransport", [.anyone], ["sns:Publish"], on: [arn],
        when: [.bool("aws:SecureTransport", false)])
    ]
    for service in publishingServices {
      let sid =
        "Publish"
        + service.prefix { $0 != "." }.split(separator: "-").map { $0.capitalized }.joined()
      statements.append(
        Grant(
          .allow, sid: sid, [.service(service)], ["sns:Publish"], on: [arn],
          when: [.stringEquals("aws:SourceAccount", AWS.accountID)]))
    }
    statements += policy.map { grant in
      var grant = grant
      if grant.resources == nil { grant.resources = [arn.value] }
      return grant
    }
    let topicPolicy = Resource(
      type: "AWS::SNS::TopicPolicy",
      properties: ["Topics": [ref], "PolicyDocument": statements.document(into: &context)])
    resources.append(LoweredResource(logicalID + "Policy", topicPolicy, origin: origin))
    return resources
  }
}
