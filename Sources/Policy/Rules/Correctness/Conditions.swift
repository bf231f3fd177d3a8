import Template
import Schemas

extension Rule {
  /// What to do about any undefined condition name, wherever it is written.
  static let undefinedConditionRemedy =
    "Fix the name, or declare the condition in the Conditions section."

  /// TPL011: a resource's or output's `Condition` attribute naming no condition.
  public static let undefinedConditionAttribute = Rule(
    id: "TPL011", title: "Condition attribute names an undefined condition", severity: .error,
    family: .correctness, theme: "references",
    rationale:
      "A resource or output with `Condition: Name` is created only when the condition `Name` of the Conditions section holds; an undefined name fails the stack's validation.",
    remediation: undefinedConditionRemedy
  ) { context in
    let index = context.facts.index
    let conditions = index.conditions
    let names = index.conditions.sorted()
    /// Resources and outputs carry `Condition` alike; `kind` names which in the message.
    func undefined(
      _ kind: String, _ id: String, _ condition: Located<String>?, at fallback: SourceLocation?
    ) -> Finding? {
      guard let condition, !conditions.contains(condition.value) else { return nil }
      let hint = Suggestion.phrase(for: condition.value, in: names)
      return context.finding(
        "\(kind) '\(id)' has Condition '\(condition.value)', which is not defined in Conditions\(hint)",
        logicalID: id, at: condition.location ?? fallback, path: "Condition",
        severity: index.undefinedConditionSeverity)
    }
    let resources = context.template.resources.entries.compactMap {
      undefined("resource", $0.key, $0.value.condition, at: $0.value.location ?? $0.keyLocation)
    }
    let outputs = context.template.outputs.entries.compactMap {
      undefined("output", $0.key, $0.value.condition, at: $0.value.location ?? $0.keyLocation)
    }
    return resources + outputs
  }

  /// TPL012: `Fn::If` naming no condition.
  public static let undefinedIfCondition = Rule(
    id: "TPL012", title: "Fn::If names an undefined condition", severity: .error,
    family: .correctness,
    theme: "references",
    rationale:
      "The first argument of `Fn::If` is the name of a condition of the Conditions section; an undefined name fails the stack's validation.",
    remediation: undefinedConditionRemedy
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
    remediation: undefinedConditionRemedy
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
