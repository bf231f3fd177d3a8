import Semantics
import Template

extension Rule {
  /// TPL006: `Ref` to a name that is no parameter, resource or pseudo parameter.
  public static let undefinedRef = Rule(
    id: "TPL006", title: "Ref to an undefined name", severity: .error, family: .correctness,
    theme: "references",
    rationale:
      "`Ref` resolves to a parameter's value, a resource's physical id or a pseudo parameter (`AWS::Region`); a name that is none of these fails the stack's validation. In Conditions and Rules only parameters and pseudo parameters can be referenced.",
    remediation: "Fix the name, or declare the parameter or resource it should point to."
  ) { context in
    let index = context.facts.index
    var budget = SuggestionBudget()
    var findings: [Finding] = []
    for use in context.facts.uses where References.isChecked(use) {
      guard case .ref(let name) = use.function else { continue }
      if use.scope.section == .conditions || use.scope.section == .rules {
        if index.isParameter(name) || index.isPseudoParameter(name) { continue }
        if index.isResource(name) {
          findings.append(
            context.finding(
              "Ref to resource '\(name)' in \(use.scope.section.rawValue): only parameters and pseudo parameters can be referenced there",
              about: use))
          continue
        }
      } else if index.isReferenceable(name) {
        continue
      }
      guard !index.isGeneratedByTransform(name) else { continue }
      let hint = budget.phrase(for: name, in: References.referenceableNames(index))
      findings.append(
        context.finding(
          "Ref to '\(name)', which is not a parameter, resource or pseudo parameter\(hint)",
          about: use,
          severity: index.undefinedNameSeverity))
    }
    return findings
  }

  /// TPL007: `Fn::GetAtt` on a name that is not a resource.
  public static let undefinedGetAtt = Rule(
    id: "TPL007", title: "GetAtt on an undefined resource", severity: .error, family: .correctness,
    theme: "references",
    rationale:
      "`Fn::GetAtt` reads an attribute of a resource in the same template; any other name fails the stack's validation.",
    remediation:
      "Fix the logical id, or declare the resource; for another stack's values use an export and `Fn::ImportValue`."
  ) { context in
    let index = context.facts.index
    var budget = SuggestionBudget()
    var findings: [Finding] = []
    for use in context.facts.uses where References.isChecked(use) {
      guard case .getAtt(let resource, let attribute) = use.function else { continue }
      if index.isResource(resource) || index.isParameter(resource) { continue }
      if index.isGeneratedByTransform(resource)
        || index.isGeneratedByTransform("\(resource).\(attribute)")
      {
        continue
      }
      if index.isPseudoParameter(resource) {
        findings.append(
          context.finding(
            "Fn::GetAtt on pseudo parameter '\(resource)', which has no attributes; use Ref",
            about: use))
        continue
      }
      let hint = budget.phrase(for: resource, in: context.template.resources.keys)
      findings.append(
        context.finding(
          "Fn::GetAtt on '\(resource).\(attribute)', but '\(resource)' is not a resource\(hint)",
          about: use,
          severity: index.undefinedNameSeverity))
    }
    return findings
  }

  /// TPL008: `Fn::GetAtt` (or `${Name.Attribute}` in `Fn::Sub`) on a parameter.
  public static let getAttOnParameter = Rule(
    id: "TPL008", title: "GetAtt on a parameter", severity: .error, family: .correctness,
    theme: "references",
    rationale:
      "Parameters have a value, not attributes: `Fn::GetAtt` and `${Name.Attribute}` only work on resources.",
    remediation:
      "Use `Ref` (or `${Name}`) for the parameter's value, or point the GetAtt at the resource meant."
  ) { context in
    let index = context.facts.index
    var findings: [Finding] = []
    for use in context.facts.uses where References.isChecked(use) {
      switch use.function {
      case .getAtt(let name, let attribute)
      where index.isParameter(name) && !index.isResource(name):
        findings.append(
          context.finding(
            "Fn::GetAtt on parameter '\(name)' (attribute '\(attribute)'): parameters have no attributes; use Ref",
            about: use))
      case .sub(let sub):
        // Only `${Name.Attribute}` can be reported: a reference without a dot is passed over
        // before any lookup (a `.` character is always a `.` byte).
        let dotted = sub.references.filter { $0.utf8.contains(UInt8(ascii: ".")) }
        if dotted.isEmpty { continue }
        let variables = Set(sub.variables?.keys ?? [])
        for name in dotted where !variables.contains(name) && !index.isReferenceable(name) {
          guard let (head, _) = References.splitAttribute(name), index.isParameter(head),
            !index.isResource(head)
          else { continue }
          findings.append(
            context.finding(
              "Fn::Sub references '${\(name)}', but '\(head)' is a parameter, which has no attributes; use '${\(head)}'",
              about: use))
        }
      default:
        continue
      }
    }
    return findings
  }

  /// TPL009: a `${Name}` or `${Resource.Attribute}` in `Fn::Sub` that names nothing.
  public static let undefinedSubReference = Rule(
    id: "TPL009", title: "Sub reference to an undefined name", severity: .error,
    family: .correctness,
    theme: "references",
    rationale:
      "Each `${Name}` in `Fn::Sub` must be a variable of its map, a parameter, a resource or a pseudo parameter, and each `${Name.Attribute}` a resource's attribute; anything else fails the stack's validation. A literal `${` is written `${!`.",
    remediation:
      "Fix the name, add it to the variable map of the two-argument form, or escape a literal `${X}` as `${!X}` (IAM policy variables like `${aws:username}` need the `!`)."
  ) { context in
    let index = context.facts.index
    var budget = SuggestionBudget()
    var findings: [Finding] = []
    for use in context.facts.uses where References.isChecked(use) {
      guard case .sub(let sub) = use.function else { continue }
      for name in sub.references
      where sub.variables?.contains(name) != true && !index.isReferenceable(name) {
        if name.isEmpty {
          findings.append(
            context.finding("Fn::Sub has an empty '${}'; write '${!}' for literal text", about: use)
          )
          continue
        }
        if let (head, _) = References.splitAttribute(name),
          index.isResource(head) || index.isParameter(head)
        {
          continue
        }
        if index.isGeneratedByTransform(name) { continue }
        let hint =
          name.contains(":") && !name.contains("::")
          ? "; write '${!\(name)}' for a literal (an IAM policy variable, for example)"
          : budget.phrase(
            for: name, in: (sub.variables?.keys ?? []) + References.referenceableNames(index))
        findings.append(
          context.finding(
            "Fn::Sub references '${\(name)}', which is not a variable, parameter, resource or pseudo parameter\(hint)",
            about: use, severity: index.undefinedNameSeverity))
      }
    }
    return findings
  }
}

/// What the reference checks share.
enum References {
  /// Reference checks skip the template's Metadata (CloudFormation does not resolve functions
  /// there) and `Fn::ForEach` bodies (their names are loop variables and copies).
  static func isChecked(_ use: IntrinsicUse) -> Bool {
    !use.isInForEach && use.scope.section != .metadata
  }

  /// `Resource.Attribute.Part` split at the first dot, or `nil` without a dot.
  static func splitAttribute(_ name: String) -> (String, String)? {
    // Searched in UTF-8: `firstIndex(of:)` over characters breaks graphemes on every step,
    // and SCH010 splits every `${Resource.Attribute}` of every `Fn::Sub`.
    guard let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) else { return nil }
    return (String(name[..<dot]), String(name[name.index(after: dot)...]))
  }

  /// Every name `Ref` accepts, in a stable order, for suggestions.
  static func referenceableNames(_ index: TemplateIndex) -> [String] {
    index.parameters.sorted() + index.resourceOrder.keys.sorted()
      + TemplateIndex.pseudoParameters.sorted()
  }
}
