import Template

/// A VPC with DNS support and DNS hostnames on, and nothing that connects it to the internet.
///
/// Both DNS attributes are on because interface endpoints with private DNS need them: without
/// them `sts.<region>.amazonaws.com` resolves to the public address, which a VPC without an
/// internet route cannot reach. The DSL has no internet gateway type: a blueprint VPC is
/// private by construction.
///
/// ```swift
/// Vpc("Vpc", cidr: vpcCidr)   // a literal "10.20.0.0/16" or a parameter
/// ```
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html>
public struct Vpc: ResourceDeclaration {
  public var logicalID: String
  /// The IPv4 block, `/16` to `/28`; a literal is checked at render time, a parameter should
  /// carry an `AllowedPattern`.
  public var cidr: Value
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, cidr: any ValueConvertible, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.cidr = cidr.value
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the VPC id.
  public var id: PhysicalID<Vpc> { PhysicalID(ref) }
  /// `Fn::GetAtt CidrBlock`: the primary IPv4 block, whatever the parameter said.
  public var cidrBlock: Value { attribute("CidrBlock") }

  /// The literal block, when the blueprint wrote one.
  var literalCIDR: CIDR.IPv4? { cidr.stringValue.flatMap(CIDR.ipv4) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    if let literal = cidr.stringValue {
      if let block = CIDR.ipv4(literal) {
        context.require(
          (16...28).contains(block.prefixLength), .invalidCIDR,
          "VPC '\(logicalID)': a VPC block must be /16 to /28, not /\(block.prefixLength)",
          at: origin)
        context.require(
          !block.hasHostBits, .invalidCIDR,
          "VPC '\(logicalID)': '\(literal)' has host bits set; write the network address",
          at: origin)
      } else {
        context.fail(
          .invalidCIDR,
          "VPC '\(logicalID)': '\(literal)' is not an IPv4 CIDR block like 10.0.0.0/16",
          at: origin)
      }
    }
    var properties = Properties()
    properties["CidrBlock"] = cidr
    properties["EnableDnsHostnames"] = true
    properties["EnableDnsSupport"] = true
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::EC2::VPC", properties: properties.map), origin: origin)
    ]
  }
}
