import Template

/// Runs a set of rules over templates and returns their findings in a stable order.
public struct Engine: Sendable {
  public var rules: [Rule]

  public init(rules: [Rule]) {
    self.rules = rules
  }

  /// Every finding of every rule, sorted by location, then rule id, then message, so output is
  /// the same run to run.
  public func check(_ template: Template) -> [Finding] {
    var findings: [Finding] = []
    for rule in rules {
      findings += rule.check(RuleContext(template: template, rule: rule))
    }
    return findings.sorted(by: Finding.stableOrder)
  }
}

extension Finding {
  /// File, line, column, rule id, logical id, message: the order every reporter prints.
  public static func stableOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.location != rhs.location { return lhs.location < rhs.location }
    if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
    if lhs.logicalID != rhs.logicalID { return (lhs.logicalID ?? "") < (rhs.logicalID ?? "") }
    return lhs.message < rhs.message
  }
}
