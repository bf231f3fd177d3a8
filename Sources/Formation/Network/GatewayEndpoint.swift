import Template

/// A gateway VPC endpoint (S3 or DynamoDB): routes in the given route tables send the
/// service's traffic through the VPC instead of the internet, at no hourly cost.
///
/// The endpoint policy is required (R031 when empty): AWS's default lets anything in the VPC
/// reach any bucket or table of any account, which is exactly how data leaves a private
/// network. Write statements with the `.anyone` principal and resources or conditions that
/// name what the VPC may reach.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html>
public struct GatewayEndpoint: ResourceDeclaration {
  /// The services that have gateway endpoints.
  public enum Service: String, Sendable {
    case s3
    case dynamodb
  }

  public var logicalID: String
  public var service: Service
  public var vpc: Vpc
  public var routeTables: [RouteTable]
  public var policy: [Grant]
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, service: Service, vpc: Vpc, routeTables: [RouteTable], policy: [Grant],
    tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.service = service
    self.vpc = vpc
    self.routeTables = routeTables
    self.policy = policy
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the endpoint id (`vpce-...`).
  public var id: PhysicalID<GatewayEndpoint> { PhysicalID(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !policy.isEmpty, .unrestrictedEndpoint,
      "gateway endpoint '\(logicalID)' has no endpoint policy; the default allows every \(service.rawValue) resource of every account",
      at: origin)
    context.require(
      !routeTables.isEmpty, .invalidValue,
      "gateway endpoint '\(logicalID)' is in no route table; list the route tables whose subnets use it",
      at: origin)
    var properties = Properties()
    properties["VpcEndpointType"] = "Gateway"
    properties["ServiceName"] = Value.sub("com.amazonaws.${AWS::Region}.\(service.rawValue)")
    properties["VpcId"] = vpc.id
    properties["RouteTableIds"] = Value.list(routeTables.map(\.id.value))
    if !policy.isEmpty { properties["PolicyDocument"] = policy.document(into: &context) }
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::EC2::VPCEndpoint", properties: properties.map),
        origin: origin)
    ]
  }
}
