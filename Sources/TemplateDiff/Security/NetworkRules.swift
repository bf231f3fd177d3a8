import Template

/// Security-group rules, inline (`SecurityGroupIngress` / `SecurityGroupEgress` of a group)
/// and as their own resources, compared as sets: a rule is added or removed, never
/// "modified", because EC2 replaces a rule to change it. A changed `Description` alone is
/// no security change.
enum NetworkRules {
  struct Rule {
    var logicalID: String
    var direction: NetworkRuleChange.Direction
    var value: Value
  }

  static func rules(logicalID: String, resource: Resource) -> [Rule] {
    switch resource.type {
    case "AWS::EC2::SecurityGroup":
      var result: [Rule] = []
      for (key, direction) in [
        ("SecurityGroupIngress", NetworkRuleChange.Direction.ingress),
        ("SecurityGroupEgress", .egress),
      ] {
        for rule in PolicyDocument.elements(resource.properties[key]) {
          result.append(Rule(logicalID: logicalID, direction: direction, value: rule))
        }
      }
      return result
    case "AWS::EC2::SecurityGroupIngress":
      return [Rule(logicalID: logicalID, direction: .ingress, value: .map(resource.properties))]
    case "AWS::EC2::SecurityGroupEgress":
      return [Rule(logicalID: logicalID, direction: .egress, value: .map(resource.properties))]
    default:
      return []
    }
  }

  static func compare(old: [Rule], new: [Rule]) -> [NetworkRuleChange] {
    func key(_ rule: Rule) -> String {
      var map = rule.value.mapValue ?? [:]
      map["Description"] = nil
      return rule.logicalID + "\u{1F}" + rule.direction.rawValue + "\u{1F}"
        + Fingerprint.of(.map(map))
    }
    var remaining: [String: Int] = [:]
    for rule in new { remaining[key(rule), default: 0] += 1 }
    var changes: [NetworkRuleChange] = []
    var unmatchedOld: [Rule] = []
    for rule in old {
      if let count = remaining[key(rule)], count > 0 {
        remaining[key(rule)] = count - 1
      } else {
        unmatchedOld.append(rule)
      }
    }
    var available: [String: Int] = [:]
    for rule in old { available[key(rule), default: 0] += 1 }
    for rule in new {
      if let count = available[key(rule)], count > 0 {
        available[key(rule)] = count - 1
        continue
      }
      changes.append(change(rule, kind: .added))
    }
    for rule in unmatchedOld { changes.append(change(rule, kind: .removed)) }
    return changes
  }

  private static func change(_ rule: Rule, kind: StatementChange.Kind) -> NetworkRuleChange {
    let (text, open) = describe(rule.value, direction: rule.direction)
    return NetworkRuleChange(
      logicalID: rule.logicalID, direction: rule.direction, kind: kind,
      impact: kind == .added ? .broadening : .narrowing, rule: text, isOpenToWorld: open)
  }

  /// `tcp 22 from 0.0.0.0/0`, `all traffic to sg Workers`, `udp 1000-2000 from pl-123`.
  static func describe(_ rule: Value, direction: NetworkRuleChange.Direction) -> (String, Bool) {
    let protocolText =
      rule["IpProtocol"].map { Fingerprint.scalarText($0) ?? ValueText.inline($0) } ?? "?"
    let from = rule["FromPort"].map { Fingerprint.scalarText($0) ?? ValueText.inline($0) }
    let to = rule["ToPort"].map { Fingerprint.scalarText($0) ?? ValueText.inline($0) }
    var text: String
    switch protocolText.lowercased() {
    case "-1", "all": text = "all traffic"
    case "6": text = "tcp"
    case "17": text = "udp"
    case "1": text = "icmp"
    default: text = protocolText.lowercased()
    }
    if text != "all traffic" {
      if let from, let to, from != to, !(from == "-1" && to == "-1"),
        !(from == "0" && to == "65535")
      {
        text += " \(from)-\(to)"
      } else if let from, from != "-1", !(from == "0" && to == "65535") {
        text += " \(from)"
      } else {
        text += " all ports"
      }
    }
    let peerKeys =
      direction == .ingress
      ? [
        "CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourceSecurityGroupName",
        "SourcePrefixListId",
      ]
      : ["CidrIp", "CidrIpv6", "DestinationSecurityGroupId", "DestinationPrefixListId"]
    var peers: [String] = []
    var open = false
    for key in peerKeys {
      guard let value = rule[key] else { continue }
      let literal = Fingerprint.scalarText(value)
      if literal == "0.0.0.0/0" || literal == "::/0" { open = true }
      switch value.kind {
      case .intrinsic(.ref(let name)), .intrinsic(.getAtt(let name, _)):
        peers.append(key.contains("SecurityGroup") ? "sg \(name)" : name)
      default:
        peers.append(literal ?? ValueText.inline(value))
      }
    }
    text +=
      (direction == .ingress ? " from " : " to ")
      + (peers.isEmpty ? "?" : peers.joined(separator: ", "))
    if open { text += " (the whole internet)" }
    return (text, open)
  }
}
