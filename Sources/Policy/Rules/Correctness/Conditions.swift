import Template
import Schemas

extension Rule {
  /// TPL011: a resource's or output's `Condition` attribute naming no condition.
  public static let undefinedConditionAttribute = Rule(
    id: "TPL011", title: "Condition attribute names an undefined condition", severity: .error,
    family: .correctness, theme: "references",
    rationale:
      "A resource or output with `Condition: Name` is created only when the condition `Name` of the Conditions section holds; an undefined name fails the stack's validation.",
    remediation: "Fix the name, or declare the condition in the Conditions section."
  ) { context in
    let index = context.facts.index
    let conditions = index.conditions
    let names = index.conditions.sorted()
    var findings: [Finding] = []
    for entry in context.template.resources.entries {
      guard let condition = entry.value.condition, !conditions.contains(condition.value) else {
        continue
      }
      let hint = Suggestion.phrase(for: condition.value, in: names)
      findings.append(
        context.finding(
          "resource '\(entry.key)' has Condition '\(condition.value)', which is not defined in Conditions\(hint)",
          logicalID: entry.key, at: condition.location ?? entry.value.location ?? entry.keyLocation,
          path: "Condition", severity: index.undefinedConditionSeverity))
    }
    for entry in context.template.outputs.entries {
      guard let condition = entry.value.condition, !conditions.contains(condition.value) else {
        continue
      }
      let hint = Suggestion.phrase(for: condition.value, in: names)
      findings.append(
        context.finding(
          "output '\(entry.key)' has Condition '\(condition.value)', which is not defined in Conditions\(hint)",
          logicalID: entry.key, at: condition.location ?? entry.value.location ?? entry.keyLocation,
          path: "Condition", severity: index.undefinedConditionSeverity))
    }
    return findings
  }

  /// TPL012: `Fn::If` naming no condition.
  public static let undefinedIfCondition = Rule(
    id: "TPL012", title: "Fn::If names an undefined condition", severity: .error,
    family: .correctness,
    theme: "references",
    rationale:
      "The first argument of `Fn::If` is the name of a condition of the Conditions section; an undefined name fails the stack's validation.",
    remediation: "Fix the name, or declare the condition in the Conditions section."
  ) { context in
    let index = context.facts.index
    let conditions = index.conditions
    let names = index.conditions.sorted()
    var budget = SuggestionBudget()
    return context.facts.uses.compactMap { use in
      guard References.isChecked(use), case .if(let name, _, _) = use.function,
        !conditions.contains(name)
      else {
        return nil
      }
      let hint = budget.phrase(for: name, in: names)
      return context.finding(
        "Fn::If names condition '\(name)', which is not defined in Conditions\(hint)", about: use,
        severity: index.undefinedConditionSeverity)
    }
  }

  /// TPL013: the `Condition` function naming no condition.
  ///
  /// Checked in Conditions and Rules only, where CloudFormation evaluates the function: in
  /// resource properties a one-key mapping `{Condition: START}` is data (an ECS container
  /// dependency, an IoT Events transition), whatever the reader makes of it.
  public static let undefinedConditionFunction = Rule(
    id: "TPL013", title: "Condition function names an undefined condition", severity: .error,
    family: .correctness, theme: "references",
    rationale:
      "`Condition: Name` inside `Fn::And`, `Fn::Or`, `Fn::Not` or a condition refers to another condition of the Conditions section; an undefined name fails the stack's validation.",
    remediation: "Fix the name, or declare the condition in the Conditions section."
  ) { context in
    let index = context.facts.index
    let conditions = index.conditions
    let names = index.conditions.sorted()
    var budget = SuggestionBudget()
    return context.facts.uses.compactMap { use in
      guard References.isChecked(use),
        use.scope.section == .conditions || use.scope.section == .rules,
        case .condition(let name) = use.function, !conditions.contains(name)
      else {
        return nil
      }
      let hint = budget.phrase(for: name, in: names)
      return context.finding(
        "Condition '\(name)' is not defined in Conditions\(hint)", about: use,
        severity: index.undefinedConditionSeverity)
    }
  }
}
