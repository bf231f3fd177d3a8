import Template

/// VPC flow logs to a CloudWatch Logs group, with the delivery role they need (`<id>Role`).
///
/// The role is part of the flow log because it exists only for it: it trusts only the flow
/// logs service acting for this account (`aws:SourceAccount`, `aws:SourceArn`, the confused
/// deputy guard), and may only create streams and put events in this one group: no
/// `logs:CreateLogGroup` (the group exists, encrypted; letting the service create one would
/// allow an unencrypted twin) and nothing that deletes. Encryption is the log group's: pass a
/// `LogGroup`, whose key is required.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-flowlog.html>
public struct FlowLog: ResourceDeclaration {
  /// Which packets are recorded.
  public enum Traffic: String, Sendable {
    /// Accepted and rejected: what an incident investigation needs.
    case all = "ALL"
    case accepted = "ACCEPT"
    case rejected = "REJECT"
  }

  /// How long flows are aggregated before a record is written.
  public enum Aggregation: Int, Sendable {
    case oneMinute = 60
    /// AWS's default; a tenth of the records.
    case tenMinutes = 600
  }

  public var logicalID: String
  public var vpc: Vpc
  public var traffic: Traffic
  public var logGroup: LogGroup
  /// The delivery role's duty name (`vpc-flow-logs`); its physical name is fixed so key and
  /// audit policies can name it.
  public var roleName: String
  public var aggregation: Aggregation
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, vpc: Vpc, traffic: Traffic = .all, to logGroup: LogGroup,
    roleName: String, aggregation: Aggregation = .tenMinutes, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.vpc = vpc
    self.traffic = traffic
    self.logGroup = logGroup
    self.roleName = roleName
    self.aggregation = aggregation
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the flow log id.
  public var id: PhysicalID<FlowLog> { PhysicalID(ref) }

  /// The role the flow logs service assumes to write to the group.
  public var deliveryRole: Role {
    Role(
      logicalID + "Role", name: roleName,
      description: "Lets VPC flow logs write to their log group.",
      trust: [
        .assume(
          by: .service("vpc-flow-logs.amazonaws.com"),
          when: [
            .stringEquals("aws:SourceAccount", AWS.accountID),
            .arnLike(
              "aws:SourceArn",
              ARN.resource(of: "ec2", "vpc-flow-log/*")),
          ])
      ],
      policies: [
        InlinePolicy(
          "DeliverFlowLogs",
          [
            .allow(
              ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
              on: [logGroup.arn])
          ])
      ],
      tags: tags, file: "", line: 0
    ).located(at: origin)
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    let role = deliveryRole
    var properties = Properties()
    properties["ResourceType"] = "VPC"
    properties["ResourceId"] = vpc.id
    properties["TrafficType"] = traffic.rawValue
    properties["LogDestinationType"] = "cloud-watch-logs"
    properties["LogGroupName"] = logGroup.logGroupName
    properties["DeliverLogsPermissionArn"] = role.arn
    properties["MaxAggregationInterval"] = aggregation.rawValue
    properties.set("Tags", (context.tags + tags).keyValueList)
    return role.lower(into: &context) + [
      LoweredResource(
        logicalID, Resource(type: "AWS::EC2::FlowLog", properties: properties.map), origin: origin)
    ]
  }
}

extension Role {
  /// The same role, reported at `location`: a role a family declares on the blueprint's
  /// behalf points at the line that declared the family value.
  fileprivate func located(at location: SourceLocation) -> Role {
    var copy = self
    copy.origin = location
    return copy
  }
}
