import Template

/// A route table and its subnet associations (`<Subnet>RouteTableAssociation`).
///
/// It has no routes of its own: the only routes a blueprint VPC gets are the local one and
/// those gateway endpoints add, so nothing can route to or from the internet.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-routetable.html>
public struct RouteTable: ResourceDeclaration {
  public var logicalID: String
  public var vpc: Vpc
  public var subnets: [Subnet]
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, vpc: Vpc, subnets: [Subnet], tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.vpc = vpc
    self.subnets = subnets
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the route table id.
  public var id: PhysicalID<RouteTable> { PhysicalID(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !subnets.isEmpty, .invalidValue,
      "route table '\(logicalID)' is associated with no subnet; list the subnets that use it",
      at: origin)
    var properties = Properties()
    properties["VpcId"] = vpc.id
    properties.set("Tags", (context.tags + tags).keyValueList)
    var resources = [
      LoweredResource(
        logicalID, Resource(type: "AWS::EC2::RouteTable", properties: properties.map),
        origin: origin)
    ]
    for subnet in subnets {
      let association = Resource(
        type: "AWS::EC2::SubnetRouteTableAssociation",
        properties: ["RouteTableId": ref, "SubnetId": subnet.id.value])
      resources.append(
        LoweredResource(subnet.logicalID + "RouteTableAssociation", association, origin: origin))
    }
    return resources
  }
}
