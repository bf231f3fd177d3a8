import Semantics
import Template

extension Rule {
  /// TPL010: `DependsOn` naming no resource, or the resource itself.
  public static let invalidDependsOn = Rule(
    id: "TPL010", title: "DependsOn an undefined resource or itself", severity: .error,
    family: .correctness,
    theme: "references",
    rationale:
      "`DependsOn` orders resources of the same template; a name that is not one of them, or the resource itself, fails the stack's validation.",
    remediation:
      "Fix the logical id or remove the entry; a resource never needs to depend on itself."
  ) { context in
    let index = context.facts.index
    var budget = SuggestionBudget()
    var findings: [Finding] = []
    for entry in context.template.resources.entries
    where !entry.value.dependsOn.isEmpty && !TemplateIndex.isExpansion(entry.key) {
      for (position, dependency) in entry.value.dependsOn.enumerated() {
        let location = dependency.location ?? entry.value.location ?? entry.keyLocation
        let path = entry.value.dependsOnIsScalar ? "DependsOn" : "DependsOn[\(position)]"
        if dependency.value == entry.key {
          findings.append(
            context.finding(
              "resource '\(entry.key)' depends on itself", logicalID: entry.key, at: location,
              path: path))
        } else if !index.isResource(dependency.value)
          && !index.isGeneratedByTransform(dependency.value)
        {
          let hint = budget.phrase(for: dependency.value, in: context.template.resources.keys)
          findings.append(
            context.finding(
              "resource '\(entry.key)' depends on '\(dependency.value)', which is not a resource\(hint)",
              logicalID: entry.key, at: location, path: path, severity: index.undefinedNameSeverity)
          )
        }
      }
    }
    return findings
  }
}
