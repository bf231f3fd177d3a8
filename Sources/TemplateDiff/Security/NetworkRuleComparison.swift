import Semantics
import Template

/// Security-group rules, inline and as their own resources (read by `SecurityGroupRules`),
/// compared as sets: a rule is added or removed, never "modified", because EC2 replaces a rule
/// to change it. A changed `Description` alone is no security change.
enum NetworkRuleComparison {
  static func compare(
    old: [SecurityGroupRule], new: [SecurityGroupRule], oldResolver: Resolver,
    newResolver: Resolver
  ) -> [NetworkRuleChange] {
    func key(_ rule: SecurityGroupRule) -> String {
      var map = rule.value.mapValue ?? [:]
      map["Description"] = nil
      return rule.logicalID + "\u{1F}" + rule.direction.rawValue + "\u{1F}"
        + Fingerprint.of(.map(map))
    }
    var available: [String: Int] = [:]
    for rule in old { available[key(rule), default: 0] += 1 }
    var remaining: [String: Int] = [:]
    for rule in new { remaining[key(rule), default: 0] += 1 }
    var changes: [NetworkRuleChange] = []
    for rule in new {
      if let count = available[key(rule)], count > 0 {
        available[key(rule)] = count - 1
        continue
      }
      changes.append(change(rule, kind: .added, resolver: newResolver))
    }
    for rule in old {
      if let count = remaining[key(rule)], count > 0 {
        remaining[key(rule)] = count - 1
        continue
      }
      changes.append(change(rule, kind: .removed, resolver: oldResolver))
    }
    return changes
  }

  private static func change(
    _ rule: SecurityGroupRule, kind: StatementChange.Kind, resolver: Resolver
  ) -> NetworkRuleChange {
    let (text, open) = rule.summary(resolver: resolver)
    return NetworkRuleChange(
      logicalID: rule.logicalID, direction: rule.direction, kind: kind,
      impact: kind == .added ? .broadening : .narrowing, rule: text, isOpenToWorld: open)
  }
}
