import Template

/// An interface VPC endpoint (AWS PrivateLink): network interfaces in the given subnets that
/// answer for `<service>.<region>.amazonaws.com` inside the VPC.
///
/// Private DNS is on by default, so SDKs and agents reach the endpoint under the service's
/// usual name with no configuration; that is what lets unmodified software (the ECS agent,
/// Nextflow, the AWS CLI) work in a VPC without internet access.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html>
public struct InterfaceEndpoint: ResourceDeclaration {
  /// The service part of `com.amazonaws.<region>.<service>`. An open set: the common services
  /// are static members, any other is `Service(rawValue: "...")`.
  public struct Service: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// ECR's API: authorization tokens and image manifests.
    public static let ecrAPI = Service(rawValue: "ecr.api")
    /// ECR's Docker registry endpoint (`docker pull`); layers themselves come from S3.
    public static let ecrDocker = Service(rawValue: "ecr.dkr")
    public static let logs = Service(rawValue: "logs")
    public static let batch = Service(rawValue: "batch")
    public static let ecs = Service(rawValue: "ecs")
    public static let ecsAgent = Service(rawValue: "ecs-agent")
    public static let ecsTelemetry = Service(rawValue: "ecs-telemetry")
    public static let sts = Service(rawValue: "sts")
    public static let kms = Service(rawValue: "kms")
    public static let sns = Service(rawValue: "sns")
    public static let sqs = Service(rawValue: "sqs")
    public static let secretsManager = Service(rawValue: "secretsmanager")
    public static let ec2 = Service(rawValue: "ec2")
    public static let monitoring = Service(rawValue: "monitoring")
    public static let ssm = Service(rawValue: "ssm")
    public static let lambda = Service(rawValue: "lambda")
    public static let events = Service(rawValue: "events")
    public static let states = Service(rawValue: "states")

    /// `EcrApi`, `EcsAgent`, `Secretsmanager`: a logical-id-friendly spelling.
    public var pascalName: String {
      rawValue.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
  }

  public var logicalID: String
  public var service: Service
  public var vpc: Vpc
  public var subnets: [Subnet]
  public var securityGroups: [PhysicalID<SecurityGroup>]
  public var privateDNS: Bool
  /// An endpoint policy; empty leaves the service default (full access), which is right when
  /// the callers' own IAM policies are already least-privilege.
  public var policy: [Grant]
  public var tags: [Tag]
  /// Accepted lint findings with their reasons, written to the resource's Metadata.
  public var suppressions: [Suppression]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, service: Service, vpc: Vpc, subnets: [Subnet],
    securityGroups: [PhysicalID<SecurityGroup>], privateDNS: Bool = true, policy: [Grant] = [],
    tags: [Tag] = [], suppressions: [Suppression] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.service = service
    self.vpc = vpc
    self.subnets = subnets
    self.securityGroups = securityGroups
    self.privateDNS = privateDNS
    self.policy = policy
    self.tags = tags
    self.suppressions = suppressions
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the endpoint id (`vpce-...`).
  public var id: PhysicalID<InterfaceEndpoint> { PhysicalID(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !subnets.isEmpty, .invalidValue,
      "interface endpoint '\(logicalID)' has no subnets; give it one subnet per availability zone",
      at: origin)
    context.require(
      !securityGroups.isEmpty, .invalidValue,
      "interface endpoint '\(logicalID)' has no security group; without one it gets the VPC's default group",
      at: origin)
    let valid =
      !service.rawValue.isEmpty
      && service.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }
    context.require(
      valid, .invalidValue,
      "interface endpoint '\(logicalID)': '\(service.rawValue)' is not a service name like ecr.api",
      at: origin)
    var properties = Properties()
    properties["VpcEndpointType"] = "Interface"
    properties["ServiceName"] = Value.sub("com.amazonaws.${AWS::Region}.\(service.rawValue)")
    properties["VpcId"] = vpc.id
    properties["SubnetIds"] = Value.list(subnets.map(\.id.value))
    properties["SecurityGroupIds"] = Value.list(securityGroups.map(\.value))
    properties["PrivateDnsEnabled"] = privateDNS
    if !policy.isEmpty { properties["PolicyDocument"] = policy.document(into: &context) }
    properties.set("Tags", (context.tags + tags).keyValueList)
    var endpoint = Resource(type: "AWS::EC2::VPCEndpoint", properties: properties.map)
    endpoint.metadata = suppressions.metadata
    return [LoweredResource(logicalID, endpoint, origin: origin)]
  }
}
