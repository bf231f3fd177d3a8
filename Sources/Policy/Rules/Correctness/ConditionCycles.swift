import Semantics
import Template

extension Rule {
  /// TPL022: conditions that refer to each other in a loop through the `Condition` function.
  public static let conditionCycle = Rule(
    id: "TPL022", title: "Conditions refer to each other in a loop", severity: .error,
    family: .correctness, theme: "references",
    rationale:
      "A condition may use another with `Condition: Name` inside `Fn::And`, `Fn::Or` or `Fn::Not`; conditions that reach themselves this way have no value, and CloudFormation rejects the template.",
    remediation:
      "Break the loop: write one of the conditions out in terms of parameters (`Fn::Equals`) instead of the other conditions."
  ) { context in
    let conditions = context.template.conditions
    var edges = [[Int]](repeating: [], count: conditions.count)
    var order: [String: Int] = [:]
    for (position, entry) in conditions.entries.enumerated() { order[entry.key] = position }
    for use in context.facts.uses where use.scope.section == .conditions {
      guard case .condition(let name) = use.function,
        let source = use.scope.logicalID.flatMap({ order[$0] }), let target = order[name]
      else { continue }
      edges[source].append(target)
    }
    return DependencyGraph(edges: edges).cycles().map { cycle in
      let names = cycle.path.map { conditions.entries[$0].key }
      let entry = conditions.entries[cycle.path[0]]
      return context.finding(
        "conditions refer to each other in a loop: " + DependencyGraph.loopText(names),
        logicalID: entry.key, at: entry.keyLocation ?? entry.value.location)
    }
  }
}
