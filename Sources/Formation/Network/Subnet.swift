import Template

/// A private subnet: no public IP is ever mapped on launch, and the type has no way to ask
/// for one, because the blueprints' VPC has no route to the internet.
///
/// ```swift
/// Subnet("PrivateSubnetA", vpc: vpc, cidr: .slice(0, of: 4, prefixLength: 20), zone: .index(0))
/// ```
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html>
public struct Subnet: ResourceDeclaration {
  /// Where the subnet's addresses come from.
  public enum Block: Sendable {
    /// A literal block inside the VPC's, `10.20.0.0/20`.
    case literal(String)
    /// The `index`-th of `count` equal blocks of `/prefixLength` carved from the VPC's block
    /// with `Fn::Cidr`, so the subnets follow the VPC's block when its parameter changes.
    case slice(Int, of: Int, prefixLength: Int)
    /// A block from a parameter or another expression.
    case value(any ValueConvertible)
  }

  /// The availability zone.
  public enum Zone: Sendable {
    /// The `index`-th zone of the stack's region (`Fn::Select` over `Fn::GetAZs ""`): no zone
    /// name is hard-coded, so the template deploys in any region with enough zones.
    case index(Int)
    /// A zone by name, `eu-west-1a`; ties the template to one region.
    case named(String)
  }

  public var logicalID: String
  public var vpc: Vpc
  public var block: Block
  public var zone: Zone
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, vpc: Vpc, cidr block: Block, zone: Zone, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.vpc = vpc
    self.block = block
    self.zone = zone
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the subnet id.
  public var id: PhysicalID<Subnet> { PhysicalID(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    var properties = Properties()
    properties["VpcId"] = vpc.id
    properties["CidrBlock"] = cidrValue(into: &context)
    switch zone {
    case .index(let index):
      context.require(
        (0...5).contains(index), .invalidValue,
        "subnet '\(logicalID)': zone index \(index) is out of range; regions have at most 6 zones",
        at: origin)
      properties["AvailabilityZone"] = Value.intrinsic(
        .select(index: .number(index), list: .intrinsic(.getAZs(""))))
    case .named(let name):
      properties["AvailabilityZone"] = name
    }
    properties["MapPublicIpOnLaunch"] = false
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::EC2::Subnet", properties: properties.map), origin: origin)
    ]
  }

  private func cidrValue(into context: inout LoweringContext) -> Value {
    switch block {
    case .literal(let text):
      guard let subnet = CIDR.ipv4(text) else {
        context.fail(
          .invalidCIDR,
          "subnet '\(logicalID)': '\(text)' is not an IPv4 CIDR block like 10.0.0.0/20",
          at: origin)
        return .string(text)
      }
      context.require(
        (16...28).contains(subnet.prefixLength), .invalidCIDR,
        "subnet '\(logicalID)': a subnet block must be /16 to /28, not /\(subnet.prefixLength)",
        at: origin)
      context.require(
        !subnet.hasHostBits, .invalidCIDR,
        "subnet '\(logicalID)': '\(text)' has host bits set; write the network address", at: origin)
      if let parent = vpc.literalCIDR, !contains(parent, subnet) {
        context.fail(
          .invalidCIDR, "subnet '\(logicalID)': '\(text)' is not inside the VPC's block",
          at: origin)
      }
      return .string(text)
    case .slice(let index, let count, let prefixLength):
      context.require(
        (16...28).contains(prefixLength), .invalidCIDR,
        "subnet '\(logicalID)': a subnet block must be /16 to /28, not /\(prefixLength)", at: origin
      )
      context.require(
        (1...256).contains(count) && (0..<count).contains(index), .invalidValue,
        "subnet '\(logicalID)': slice \(index) of \(count) does not exist; Fn::Cidr makes 1 to 256 blocks, numbered from 0",
        at: origin)
      if let parent = vpc.literalCIDR {
        let available =
          prefixLength >= parent.prefixLength ? 1 << (prefixLength - parent.prefixLength) : 0
        context.require(
          count <= available, .invalidCIDR,
          "subnet '\(logicalID)': the VPC's /\(parent.prefixLength) holds \(available) blocks of /\(prefixLength), not \(count)",
          at: origin)
      }
      return .intrinsic(
        .select(
          index: .number(index),
          list: .intrinsic(
            .cidr(
              ipBlock: vpc.cidrBlock, count: .number(count), cidrBits: .number(32 - prefixLength))))
      )
    case .value(let value):
      return value.value
    }
  }

  private func contains(_ parent: CIDR.IPv4, _ child: CIDR.IPv4) -> Bool {
    guard child.prefixLength >= parent.prefixLength else { return false }
    let mask = parent.prefixLength == 0 ? 0 : ~((1 << (32 - parent.prefixLength)) - 1) & 0xFFFF_FFFF
    let address = { (octets: [Int]) in octets.reduce(0) { ($0 << 8) | $1 } }
    return address(parent.octets) & mask == address(child.octets) & mask
  }
}
