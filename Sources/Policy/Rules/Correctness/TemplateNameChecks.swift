import Semantics
import Template

extension Rule {
  /// SCH017: a parameter and a resource with the same logical id.
  public static let parameterAndResourceShareName = Rule(
    id: "SCH017", title: "Parameter and resource share a name", severity: .error,
    family: .correctness, theme: "schema",
    rationale:
      "`Ref` names parameters and resources alike, so CloudFormation rejects a template in which both use one logical id.",
    remediation: "Rename the parameter or the resource."
  ) { context in
    context.template.resources.entries.compactMap { entry in
      guard context.template.parameters.contains(entry.key) else { return nil }
      return context.finding(
        "resource '\(entry.key)' has the name of a parameter; Ref could not tell them apart",
        logicalID: entry.key, at: entry.keyLocation ?? entry.value.location)
    }
  }

  /// SCH018: `Fn::ForEach` in a template without `Transform: AWS::LanguageExtensions`.
  public static let forEachWithoutTransform = Rule(
    id: "SCH018", title: "Fn::ForEach without the language extensions", severity: .error,
    family: .correctness, theme: "schema",
    rationale:
      "`Fn::ForEach` is expanded by the `AWS::LanguageExtensions` transform; without it CloudFormation reads the loop as a resource named `Fn::ForEach::...` and rejects the template.",
    remediation: "Add `Transform: AWS::LanguageExtensions` to the template."
  ) { context in
    guard !context.facts.index.hasLanguageExtensions else { return [] }
    var findings: [Finding] = []
    let sections: [(String, [(key: String, location: SourceLocation?)])] = [
      ("Resources", context.template.resources.entries.map { ($0.key, $0.keyLocation) }),
      ("Outputs", context.template.outputs.entries.map { ($0.key, $0.keyLocation) }),
      ("Conditions", context.template.conditions.entries.map { ($0.key, $0.keyLocation) }),
    ]
    for (section, entries) in sections {
      for entry in entries where entry.key.hasPrefix(TemplateIndex.forEachPrefix) {
        findings.append(
          context.finding(
            "'\(entry.key)' in \(section) needs `Transform: AWS::LanguageExtensions`, which the template does not declare",
            logicalID: entry.key, at: entry.location))
      }
    }
    return findings
  }
}
