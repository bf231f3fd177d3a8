import Template

/// Marks ids of managed prefix lists (`pl-...`), such as the one for S3 in a region.
public enum PrefixList {}

/// The protocol and port range a security group rule allows.
///
/// `.tcp(443)`, `.tcp(1024...65535)`, `.udp(53)`, `.allTraffic`.
public struct Ports: Sendable, Hashable {
  /// `tcp`, `udp`, `icmp` or `-1` for every protocol.
  public var ipProtocol: String
  public var range: ClosedRange<Int>?

  public static func tcp(_ port: Int) -> Ports { Ports(ipProtocol: "tcp", range: port...port) }
  public static func tcp(_ range: ClosedRange<Int>) -> Ports {
    Ports(ipProtocol: "tcp", range: range)
  }
  public static func udp(_ port: Int) -> Ports { Ports(ipProtocol: "udp", range: port...port) }
  public static func udp(_ range: ClosedRange<Int>) -> Ports {
    Ports(ipProtocol: "udp", range: range)
  }
  /// HTTPS, what every AWS API endpoint and S3 speak.
  public static let https = Ports.tcp(443)
  /// Every protocol and port.
  public static let allTraffic = Ports(ipProtocol: "-1", range: nil)

  /// `Tcp443`, `Tcp1024To65535`, `All`: part of the logical id of a separate rule resource.
  var name: String {
    guard let range else { return "All" }
    let proto = ipProtocol.prefix(1).uppercased() + ipProtocol.dropFirst()
    return range.count == 1
      ? "\(proto)\(range.lowerBound)" : "\(proto)\(range.lowerBound)To\(range.upperBound)"
  }

  var description: String {
    guard let range else { return "all traffic" }
    return range.count == 1
      ? "\(ipProtocol) \(range.lowerBound)"
      : "\(ipProtocol) \(range.lowerBound)-\(range.upperBound)"
  }

  func write(into rule: inout Properties) {
    rule["IpProtocol"] = ipProtocol
    if let range {
      rule["FromPort"] = range.lowerBound
      rule["ToPort"] = range.upperBound
    }
  }
}

/// The other side of a security group rule.
public enum Peer: Sendable {
  /// Members of another security group. Written as a separate
  /// `AWS::EC2::SecurityGroupIngress`/`Egress` resource, so two groups that name each other
  /// never form a dependency cycle.
  case securityGroup(PhysicalID<SecurityGroup>)
  /// A managed prefix list, such as the one S3 gateway endpoint traffic goes to.
  case prefixList(PhysicalID<PrefixList>)
  /// A literal IPv4 or IPv6 block. An ingress rule from `0.0.0.0/0` or `::/0` is a render error;
  /// say `.anywhere(acknowledged:)` when it is really meant.
  case cidr(String)
  /// Every IPv4 address, on purpose; the reason is appended to the rule's description, so
  /// the template itself says why.
  case anywhere(acknowledged: String)

  /// The logical id of a peer that is a resource of these blueprints, for rule resource ids.
  var resourceName: String? {
    guard case .securityGroup(let id) = self else { return nil }
    switch id.value.kind {
    case .intrinsic(.ref(let name)), .intrinsic(.getAtt(let name, _)): return name
    default: return nil
    }
  }
}

/// What a rule of either direction has in common.
struct SecurityGroupRule: Sendable {
  enum Direction: String {
    case ingress = "Ingress"
    case egress = "Egress"
  }

  var direction: Direction
  var ports: Ports
  var peer: Peer
  var description: String
  var origin: SourceLocation

  /// Characters EC2 accepts in a rule description.
  static let descriptionCharacters = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-:/()#,@[]+=&;{}!$*")

  /// The description as written to the template: with the acknowledged reason for `.anywhere`.
  var fullDescription: String {
    if case .anywhere(let reason) = peer { return "\(description); open to anywhere: \(reason)" }
    return description
  }

  func validate(group: String, into context: inout LoweringContext) {
    let side = direction == .ingress ? "from" : "to"
    if let range = ports.range {
      context.require(
        range.lowerBound >= 0 && range.upperBound <= 65535, .invalidValue,
        "security group '\(group)': ports \(range.lowerBound)-\(range.upperBound) are outside 0-65535",
        at: origin)
    }
    context.require(
      !description.isEmpty && fullDescription.count <= 255
        && fullDescription.allSatisfy { Self.descriptionCharacters.contains($0) }, .invalidValue,
      "security group '\(group)': the rule description '\(fullDescription)' must be 1 to 255 characters of letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
      at: origin)
    switch peer {
    case .cidr(let block):
      guard let prefix = CIDR.prefixLength(block) else {
        context.fail(
          .invalidCIDR,
          "security group '\(group)': '\(block)' is not a CIDR block like 10.0.0.0/16",
          at: origin)
        return
      }
      if direction == .ingress && prefix == 0 {
        context.fail(
          .openIngress,
          "security group '\(group)' allows \(ports.description) \(side) \(block), the whole internet; use a security group or prefix list peer, or .anywhere(acknowledged:) with the reason",
          at: origin)
      }
    case .anywhere(let reason):
      context.require(
        !reason.isEmpty, .invalidValue,
        "security group '\(group)': .anywhere(acknowledged:) needs the reason", at: origin)
    case .securityGroup, .prefixList:
      break
    }
  }

  /// The rule as an item of `SecurityGroupIngress`/`SecurityGroupEgress`, or as the properties
  /// of a separate rule resource when `group` is given.
  func properties(group: Value? = nil) -> Properties {
    var rule = Properties()
    rule.set("GroupId", group)
    ports.write(into: &rule)
    let source = direction == .ingress
    switch peer {
    case .securityGroup(let id):
      rule[source ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"] = id
    case .prefixList(let id):
      rule[source ? "SourcePrefixListId" : "DestinationPrefixListId"] = id
    case .cidr(let block):
      rule[block.contains(":") ? "CidrIpv6" : "CidrIp"] = block
    case .anywhere:
      rule["CidrIp"] = "0.0.0.0/0"
    }
    rule["Description"] = fullDescription
    return rule
  }
}
