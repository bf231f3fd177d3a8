import Template

/// A security group whose every rule is typed, described and checked.
///
/// Defaults that differ from EC2's, on purpose:
/// - **No egress unless listed.** EC2 gives a new group an allow-all egress rule; when a
///   blueprint lists no inline egress, a placeholder rule that matches no traffic is written
///   instead, so the group allows exactly what the blueprint says.
/// - **No open ingress.** An ingress rule from `0.0.0.0/0` or `::/0` is a render error (R030)
///   unless written `.anywhere(acknowledged: "why")`.
/// - Rules whose peer is another security group become separate
///   `AWS::EC2::SecurityGroupIngress`/`Egress` resources (`<Group>Ingress<Peer><Ports>`), so
///   groups that reference each other (endpoints ← compute → endpoints) never form a cycle.
///
/// ```swift
/// SecurityGroup("BatchSecurityGroup", vpc: vpc, description: "Batch instances",
///   egress: [.allow(.https, to: .securityGroup(endpoints.id), "AWS APIs through interface endpoints")])
/// ```
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html>
public struct SecurityGroup: ResourceDeclaration {
  /// An inbound rule: traffic `from` a peer.
  public struct Ingress: Sendable {
    var rule: SecurityGroupRule

    public static func allow(
      _ ports: Ports, from peer: Peer, _ description: String, file: StaticString = #filePath,
      line: UInt = #line
    ) -> Ingress {
      Ingress(
        rule: SecurityGroupRule(
          direction: .ingress, ports: ports, peer: peer, description: description,
          origin: .blueprint(file, line)))
    }
  }

  /// An outbound rule: traffic `to` a peer.
  public struct Egress: Sendable {
    var rule: SecurityGroupRule

    public static func allow(
      _ ports: Ports, to peer: Peer, _ description: String, file: StaticString = #filePath,
      line: UInt = #line
    ) -> Egress {
      Egress(
        rule: SecurityGroupRule(
          direction: .egress, ports: ports, peer: peer, description: description,
          origin: .blueprint(file, line)))
    }
  }

  public var logicalID: String
  public var description: String
  public var vpc: Vpc
  public var ingress: [Ingress]
  public var egress: [Egress]
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, vpc: Vpc, description: String, ingress: [Ingress] = [],
    egress: [Egress] = [], tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.vpc = vpc
    self.description = description
    self.ingress = ingress
    self.egress = egress
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Fn::GetAtt GroupId`: the group id (`sg-...`).
  public var id: PhysicalID<SecurityGroup> { PhysicalID(attribute("GroupId")) }

  /// The id of the group declared with `logicalID`, for two groups that name each other: a
  /// Swift static value cannot read another that is reading it back while being initialised.
  /// A name that no stack declares is still a render error (R003) at the rule's line.
  public static func id(of logicalID: String) -> PhysicalID<SecurityGroup> {
    PhysicalID(.getAtt(logicalID, "GroupId"))
  }

  /// The rule written when no egress is listed inline: ICMP type 252 code 86 to
  /// 255.255.255.255/32, which no packet ever matches, so EC2 adds no allow-all default.
  static let noEgress: Value = [
    "IpProtocol": "icmp", "FromPort": 252, "ToPort": 86, "CidrIp": "255.255.255.255/32",
    "Description": "No egress: matches no traffic, so EC2 adds no allow-all rule",
  ]

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !description.isEmpty && description.count <= 255 && description.allSatisfy(\.isASCII),
      .invalidValue,
      "security group '\(logicalID)': the description must be 1 to 255 ASCII characters",
      at: origin)
    let rules = ingress.map(\.rule) + egress.map(\.rule)
    for rule in rules { rule.validate(group: logicalID, into: &context) }

    let inline = rules.filter { if case .securityGroup = $0.peer { false } else { true } }
    let separate = rules.filter { if case .securityGroup = $0.peer { true } else { false } }
    let inlineIngress = inline.filter { $0.direction == .ingress }.map { $0.properties().value }
    var inlineEgress = inline.filter { $0.direction == .egress }.map { $0.properties().value }
    if inlineEgress.isEmpty { inlineEgress = [Self.noEgress] }

    var properties = Properties()
    properties["GroupDescription"] = description
    properties["VpcId"] = vpc.id
    properties.set("SecurityGroupIngress", Value.list(inlineIngress))
    properties["SecurityGroupEgress"] = Value.list(inlineEgress)
    properties.set("Tags", (context.tags + tags).keyValueList)
    var resources = [
      LoweredResource(
        logicalID, Resource(type: "AWS::EC2::SecurityGroup", properties: properties.map),
        origin: origin)
    ]
    for (index, rule) in separate.enumerated() {
      let peer = rule.peer.resourceName ?? "Rule\(index + 1)"
      let type = "AWS::EC2::SecurityGroup" + rule.direction.rawValue
      resources.append(
        LoweredResource(
          logicalID + rule.direction.rawValue + peer + rule.ports.name,
          Resource(type: type, properties: rule.properties(group: id.value).map),
          origin: rule.origin))
    }
    return resources
  }
}
