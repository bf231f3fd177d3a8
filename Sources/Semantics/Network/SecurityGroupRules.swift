import Template

/// Which way a security-group rule lets traffic through.
public enum TrafficDirection: String, Sendable, Hashable, Codable {
  case ingress
  case egress

  /// The group's property holding inline rules of this direction.
  package var inlineProperty: String {
    self == .ingress ? "SecurityGroupIngress" : "SecurityGroupEgress"
  }

  /// The resource type of a rule of this direction written as its own resource.
  package var ruleType: String {
    self == .ingress ? "AWS::EC2::SecurityGroupIngress" : "AWS::EC2::SecurityGroupEgress"
  }

  /// The properties that name the other end of the traffic: where it comes from (ingress) or
  /// goes to (egress).
  package var peerProperties: [String] {
    switch self {
    case .ingress:
      ["CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourceSecurityGroupName", "SourcePrefixListId"]
    case .egress: ["CidrIp", "CidrIpv6", "DestinationSecurityGroupId", "DestinationPrefixListId"]
    }
  }
}

/// One security-group rule, inline in a group or its own resource: the two are the same rule
/// to EC2, so the checker and the diff read them alike.
package struct SecurityGroupRule: Sendable {
  /// The group, or the rule resource, that declares it.
  package var logicalID: String
  package var direction: TrafficDirection
  /// The rule's mapping (`IpProtocol`, `FromPort`, `CidrIp`...).
  package var value: Value
}

/// How security-group rules are written and what they open.
package enum SecurityGroupRules {
  /// The any-address ranges, IPv4 and IPv6: a rule with one of them opens to the whole internet.
  package static let anywhere: [(property: String, cidr: String)] = [
    ("CidrIp", "0.0.0.0/0"), ("CidrIpv6", "::/0"),
  ]

  /// The rules a resource declares: a group's inline rules of both directions, or the rule a
  /// `SecurityGroupIngress`/`SecurityGroupEgress` resource is.
  package static func rules(logicalID: String, resource: Resource) -> [SecurityGroupRule] {
    let directions: [TrafficDirection] = [.ingress, .egress]
    if resource.type == "AWS::EC2::SecurityGroup" {
      return directions.flatMap { direction in
        PolicyDocumentShape.elements(resource.properties[direction.inlineProperty]).map {
          SecurityGroupRule(logicalID: logicalID, direction: direction, value: $0)
        }
      }
    }
    guard let direction = directions.first(where: { $0.ruleType == resource.type }) else {
      return []
    }
    return [
      SecurityGroupRule(logicalID: logicalID, direction: direction, value: .map(resource.properties))
    ]
  }

  /// Whether `IpProtocol` is every protocol (`-1` or `all`).
  package static func isAllTraffic(_ ipProtocol: String) -> Bool {
    ipProtocol == "-1" || ipProtocol.lowercased() == "all"
  }

  /// The protocol for messages: `all traffic`, `tcp`, `udp`, `icmp` (for `6`, `17`, `1`), or
  /// as written.
  package static func protocolName(_ ipProtocol: String) -> String {
    if isAllTraffic(ipProtocol) { return "all traffic" }
    switch ipProtocol {
    case "6": return "tcp"
    case "17": return "udp"
    case "1": return "icmp"
    default: return ipProtocol.lowercased()
    }
  }
}

extension SecurityGroupRule {
  /// `tcp 22 from 0.0.0.0/0`, `all traffic to sg Workers`, `udp 1000-2000 from pl-123`, and
  /// whether the rule opens to the whole internet. Values are resolved with `resolver`
  /// (a parameter's default, a reference to a group by its logical id).
  package func summary(resolver: Resolver) -> (text: String, isOpenToWorld: Bool) {
    let rule = resolver.resolve(value)
    func text(_ key: String) -> String? {
      let texts = rule.flatMap { resolver.member(key, of: $0) }.filter { !$0.isAbsent }.map {
        possibility -> String in
        if let reference = possibility.string?.resourceReference {
          return key.contains("SecurityGroup") ? "sg \(reference.logicalID)" : reference.logicalID
        }
        return possibility.text ?? possibility.string?.description ?? "?"
      }
      return texts.isEmpty ? nil : texts.joined(separator: " or ")
    }
    var summary = SecurityGroupRules.protocolName(text("IpProtocol") ?? "?")
    if summary != "all traffic" {
      let from = text("FromPort")
      let to = text("ToPort")
      let everyPort = from == "0" && to == "65535"
      if let from, let to, from != to, !(from == "-1" && to == "-1"), !everyPort {
        summary += " \(from)-\(to)"
      } else if let from, from != "-1", !everyPort {
        summary += " \(from)"
      } else {
        summary += " all ports"
      }
    }
    var peers: [String] = []
    var open = false
    for key in direction.peerProperties {
      guard let peer = text(key) else { continue }
      if SecurityGroupRules.anywhere.contains(where: { $0.cidr == peer }) { open = true }
      peers.append(peer)
    }
    summary +=
      (direction == .ingress ? " from " : " to ")
      + (peers.isEmpty ? "?" : peers.joined(separator: ", "))
    if open { summary += " (the whole internet)" }
    return (summary, open)
  }
}
