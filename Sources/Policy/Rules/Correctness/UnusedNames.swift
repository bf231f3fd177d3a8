import Semantics
import Template

extension Rule {
  /// TPL016: a parameter nothing references.
  public static let unusedParameter = Rule(
    id: "TPL016", title: "Unused parameter", severity: .warning, family: .correctness,
    theme: "hygiene",
    rationale:
      "A parameter that no `Ref` or `${}` uses still has to be supplied at every deployment and suggests a reference that was lost in an edit.",
    remediation: "Reference the parameter where it was meant to be used, or remove it."
  ) { context in
    let used = context.facts.used
    return context.template.parameters.entries.compactMap { entry in
      guard !used.parameters.contains(entry.key) else { return nil }
      return context.finding(
        "parameter '\(entry.key)' is never referenced", logicalID: entry.key,
        at: entry.value.location ?? entry.keyLocation)
    }
  }

  /// TPL017: a condition nothing uses.
  public static let unusedCondition = Rule(
    id: "TPL017", title: "Unused condition", severity: .warning, family: .correctness,
    theme: "hygiene",
    rationale:
      "A condition that no resource, output, `Fn::If` or other condition uses has no effect, which usually means the resource it should guard is always created.",
    remediation:
      "Attach the condition where it was meant to apply (a resource's `Condition`, an `Fn::If`), or remove it."
  ) { context in
    let used = context.facts.used
    return context.template.conditions.entries.compactMap { entry in
      guard !used.conditions.contains(entry.key), !TemplateIndex.isExpansion(entry.key) else {
        return nil
      }
      return context.finding(
        "condition '\(entry.key)' is never used", logicalID: entry.key,
        at: entry.keyLocation ?? entry.value.location)
    }
  }
}

/// The parameters and conditions a template uses anywhere, `Fn::ForEach` bodies included.
///
/// A parameter named by a `Fn::GetAtt` or `${Name.Attribute}` counts as used: that misuse is
/// TPL008's to report, and calling the parameter unused as well would send the reader the wrong way.
struct UsedNames: Sendable {
  var parameters: Set<String> = []
  var conditions: Set<String> = []

  init(_ template: Template, uses: [IntrinsicUse]) {
    for use in uses {
      switch use.function {
      case .ref(let name): parameters.insert(name)
      case .getAtt(let name, _): parameters.insert(name)
      case .sub(let sub):
        let variables = sub.variables
        for part in sub.parts {
          guard case .reference(let name) = part, variables?.contains(name) != true else {
            continue
          }
          // The part before the first dot (`References.splitAttribute`), found in UTF-8.
          if let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) {
            parameters.insert(String(name[..<dot]))
          } else {
            parameters.insert(name)
          }
        }
      case .if(let name, _, _), .condition(let name): conditions.insert(name)
      default: break
      }
    }
    for resource in template.resources.values {
      if let condition = resource.condition { conditions.insert(condition.value) }
    }
    for output in template.outputs.values {
      if let condition = output.condition { conditions.insert(condition.value) }
    }
    // A parameter a `Fn::ForEach` loops over is used, though the expansion removed the loop.
    for note in template.expansionNotes {
      if let parameter = note.parameter { parameters.insert(parameter) }
    }
  }
}
