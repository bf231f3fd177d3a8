import Template
import Schemas

extension Rule {
  /// TPL001: a top-level key CloudFormation does not document (a typo like `Resource:` or `Output:`).
  public static let unknownSection = Rule(
    id: "TPL001", title: "Unknown top-level section", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "CloudFormation rejects a template with a top-level key it does not document, and a misspelled section means its content is not deployed as intended.",
    remediation:
      "Rename the key to one of the documented sections (AWSTemplateFormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions, Transform, Resources, Outputs) or remove it. `Globals` is accepted with the SAM transform."
  ) { context in
    let index = context.facts.index
    return context.template.unknownSections.entries.compactMap { entry in
      if entry.key == "Globals" && index.isServerless { return nil }
      let hint = Suggestion.phrase(for: entry.key, in: Template.sectionOrder)
      return context.finding(
        "unknown top-level section '\(entry.key)'\(hint)",
        at: entry.keyLocation ?? entry.value.location ?? context.fileStart)
    }
  }

  /// TPL002: a template without resources, which CloudFormation refuses to create.
  ///
  /// A missing section is an error. A section written empty (`Resources: {}`) is a warning:
  /// CloudFormation still refuses the stack, but the emptiness is deliberate (a configuration
  /// sample, a parameter-only fragment checked on its own) rather than a mistake in what is
  /// written, and cfn-lint accepts such files.
  public static let missingResources = Rule(
    id: "TPL002", title: "Missing or empty Resources section", severity: .error,
    family: .correctness,
    theme: "structure",
    rationale:
      "Every CloudFormation template must declare at least one resource; a stack without one cannot be created. A Resources section written empty on purpose (`Resources: {}`) is reported as a warning, a missing one as an error.",
    remediation:
      "Add a Resources section with at least one resource (check the section's name and indentation)."
  ) { context in
    guard context.template.resources.isEmpty else { return [] }
    if let location = context.template.sectionLocations["Resources"] {
      return [
        context.finding(
          "the Resources section is empty; CloudFormation creates no stack from a template without resources",
          at: location, severity: .warning)
      ]
    }
    return [
      context.finding(
        "the template has no Resources section; declare at least one resource",
        at: context.fileStart)
    ]
  }
}
