import Semantics
import Template
import Schemas

extension Rule {
  /// TPL005: a resource key that is not a documented resource attribute (`Propertes:`, `Version:`).
  public static let unknownResourceAttribute = Rule(
    id: "TPL005", title: "Unknown resource attribute", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "CloudFormation rejects a resource with a key other than Type, Properties, Condition, DependsOn, Metadata, CreationPolicy, UpdatePolicy, DeletionPolicy and UpdateReplacePolicy (and Version on a custom resource); a misspelled `Properties` would otherwise deploy a resource with none of its settings.",
    remediation:
      "Fix the spelling or the indentation (a property written one level too high becomes a resource attribute)."
  ) { context in
    let index = context.facts.index
    var findings: [Finding] = []
    for entry in context.template.resources.entries where !TemplateIndex.isExpansion(entry.key) {
      for attribute in entry.value.unknownAttributes.entries {
        if index.isServerless
          && UnknownAttributes.serverlessResourceAttributes.contains(attribute.key)
        {
          continue
        }
        if attribute.key == "Version" && UnknownAttributes.isCustomResource(entry.value.type) {
          continue
        }
        let hint = Suggestion.phrase(for: attribute.key, in: Resource.attributeOrder)
        findings.append(
          context.finding(
            "unknown resource attribute '\(attribute.key)' in '\(entry.key)'\(hint)",
            logicalID: entry.key,
            at: attribute.keyLocation ?? attribute.value.location ?? entry.value.location,
            path: attribute.key))
      }
    }
    return findings
  }

  /// TPL018: an output key other than Value, Description, Export and Condition.
  public static let unknownOutputAttribute = Rule(
    id: "TPL018", title: "Unknown output attribute", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "An output may only have Value, Description, Export and Condition; CloudFormation rejects any other key.",
    remediation: "Fix the spelling, or move the key under `Export` if it was meant as `Name`."
  ) { context in
    var findings: [Finding] = []
    for entry in context.template.outputs.entries {
      for attribute in entry.value.unknownAttributes.entries {
        let hint = Suggestion.phrase(for: attribute.key, in: UnknownAttributes.outputAttributes)
        findings.append(
          context.finding(
            "unknown output attribute '\(attribute.key)' in output '\(entry.key)'\(hint)",
            logicalID: entry.key,
            at: attribute.keyLocation ?? attribute.value.location ?? entry.value.location
              ?? entry.keyLocation,
            path: attribute.key))
      }
    }
    return findings
  }

  /// TPL019: a parameter without `Type`.
  public static let parameterWithoutType = Rule(
    id: "TPL019", title: "Parameter without Type", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "CloudFormation requires every parameter to declare its Type; the stack is rejected without one.",
    remediation:
      "Add `Type: String` (or Number, CommaDelimitedList, an AWS-specific type) to the parameter."
  ) { context in
    context.template.parameters.entries.compactMap { entry in
      guard entry.value.type == nil else { return nil }
      return context.finding(
        "parameter '\(entry.key)' has no Type", logicalID: entry.key,
        at: entry.value.location ?? entry.keyLocation)
    }
  }

  /// TPL020: a parameter key that CloudFormation does not document (`Defualt:`, `Allowedvalues:`).
  public static let unknownParameterAttribute = Rule(
    id: "TPL020", title: "Unknown parameter attribute", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "CloudFormation rejects a parameter with an undocumented key; a misspelled Default or AllowedValues would otherwise be lost.",
    remediation: "Fix the spelling of the key or remove it."
  ) { context in
    var findings: [Finding] = []
    for entry in context.template.parameters.entries {
      for attribute in entry.value.attributes.entries
      where !UnknownAttributes.parameterAttributes.contains(attribute.key) {
        let hint = Suggestion.phrase(for: attribute.key, in: UnknownAttributes.parameterAttributes)
        findings.append(
          context.finding(
            "unknown parameter attribute '\(attribute.key)' in parameter '\(entry.key)'\(hint)",
            logicalID: entry.key,
            at: attribute.keyLocation ?? attribute.value.location ?? entry.value.location
              ?? entry.keyLocation,
            path: attribute.key))
      }
    }
    return findings
  }
}

/// The documented keys of outputs and parameters, and what SAM adds to resources.
enum UnknownAttributes {
  static let outputAttributes = ["Value", "Description", "Export", "Condition"]
  static let parameterAttributes = [
    "AllowedPattern", "AllowedValues", "ConstraintDescription", "Default", "Description",
    "MaxLength",
    "MaxValue", "MinLength", "MinValue", "NoEcho", "Type",
  ]
  /// Custom resources may carry the legacy `Version` attribute.
  static func isCustomResource(_ type: String?) -> Bool {
    guard let type else { return false }
    return type == "AWS::CloudFormation::CustomResource" || type.hasPrefix("Custom::")
  }
  /// Resource attributes the SAM transform understands and removes before CloudFormation sees them.
  static let serverlessResourceAttributes: Set<String> = ["Connectors", "IgnoreGlobals"]
}
