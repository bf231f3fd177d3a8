import Template

/// The security groups that serve only internet-facing load balancers, each with its balancers.
///
/// A group counts when some `AWS::ElasticLoadBalancingV2::LoadBalancer` or classic
/// `AWS::ElasticLoadBalancing::LoadBalancer` lists it in `SecurityGroups` with `Scheme`
/// `internet-facing` or unset (the default) in every branch, and no other resource but
/// security groups and their rules (which name it as a source) mentions it: a group that also
/// guards instances or tasks is no load balancer's alone.
struct PublicLoadBalancerGroups {
  static let balancerTypes: Set<String> = [
    "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer",
  ]
  static let groupTypes: Set<String> = [
    "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
  ]
  static let webPorts: Set<String> = ["80", "443"]

  private var balancers: [String: [String]] = [:]

  init(_ context: RuleContext) {
    var attached: [String: [String]] = [:]
    for entry in context.template.resources.entries
    where Self.balancerTypes.contains(entry.value.type ?? "") {
      let schemes = context.property(entry.key, "Scheme").possibilities
      guard schemes.allSatisfy({ $0.isAbsent || $0.literal == "internet-facing" }) else { continue }
      for possibility in context.property(entry.key, "SecurityGroups").items().possibilities {
        if let group = context.referencedResource(possibility) {
          attached[group, default: []].append(entry.key)
        }
      }
    }
    for (group, _) in attached {
      let others = context.template.resources.entries.contains { entry in
        let type = entry.value.type ?? ""
        return !Self.balancerTypes.contains(type) && !Self.groupTypes.contains(type)
          && entry.key != group && Self.mentions(.init(.map(entry.value.properties)), group)
      }
      if others { attached[group] = nil }
    }
    balancers = attached
  }

  /// The note and severity for an open rule of `groups` that opens only TCP 80 or 443 on a group
  /// serving only internet-facing load balancers; `nil` otherwise.
  func note(groups: [String], rule: Reading) -> (note: String, severity: Severity)? {
    guard let group = groups.first(where: { balancers[$0] != nil }),
      let names = balancers[group], SecurityGroupRuleReading.opensOnly(Self.webPorts, rule)
    else { return nil }
    let which =
      (names.count == 1 ? "internet-facing load balancer " : "internet-facing load balancers ")
      + names.joined(separator: ", ")
    return (
      "; expected on the group of \(which) (a web port, the group guards nothing else): confirm it is meant to be public",
      .warning
    )
  }

  /// Whether `value` refers to resource `id` anywhere: `Ref`, `Fn::GetAtt`, `${id}` in `Fn::Sub`.
  static func mentions(_ value: Value, _ id: String) -> Bool {
    switch value.kind {
    case .list(let list): return list.contains { mentions($0, id) }
    case .map(let map): return map.values.contains { mentions($0, id) }
    case .intrinsic(let function):
      switch function {
      case .ref(let name) where name == id: return true
      case .getAtt(let resource, _) where resource == id: return true
      case .sub(let sub)
      where sub.parts.contains(where: {
        if case .reference(let name) = $0 { name == id || name.hasPrefix(id + ".") } else { false }
      }):
        return true
      default: return function.arguments.contains { mentions($0, id) }
      }
    default: return false
    }
  }
}
