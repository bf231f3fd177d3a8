import Template
import Schemas

extension Rule {
  /// TPL014: `Fn::FindInMap` naming a mapping that does not exist, or literal keys the mapping lacks.
  public static let undefinedMapping = Rule(
    id: "TPL014", title: "FindInMap names an undefined mapping or key", severity: .error,
    family: .correctness,
    theme: "references",
    rationale:
      "`Fn::FindInMap` reads the Mappings section; a mapping name that is not there fails validation, and a literal key that the mapping lacks fails every deployment (a key computed from a parameter or `AWS::Region` can only be checked at deploy time).",
    remediation:
      "Fix the mapping or key name, add the missing entry, or give a `DefaultValue` (language extensions)."
  ) { context in
    var budget = SuggestionBudget()
    var findings: [Finding] = []
    for use in context.facts.uses where References.isChecked(use) {
      guard
        case .findInMap(let mapValue, let topKey, let secondKey, let defaultValue) = use.function,
        let mapName = mapValue.stringValue
      else { continue }
      guard let mapping = context.template.mappings[mapName] else {
        let hint = budget.phrase(for: mapName, in: context.template.mappings.keys)
        findings.append(
          context.finding(
            "Fn::FindInMap names mapping '\(mapName)', which is not defined in Mappings\(hint)",
            about: use))
        continue
      }
      guard defaultValue == nil, let topLevel = mapping.mapValue else { continue }
      let second = FindInMapKeys.literal(secondKey)
      if let top = FindInMapKeys.literal(topKey) {
        guard let entry = topLevel[top] else {
          let hint = Suggestion.phrase(for: top, in: topLevel.keys)
          findings.append(
            context.finding(
              "Fn::FindInMap: mapping '\(mapName)' has no key '\(top)'\(hint)", about: use))
          continue
        }
        if let second, let inner = entry.mapValue, !inner.contains(second) {
          let hint = Suggestion.phrase(for: second, in: inner.keys)
          findings.append(
            context.finding(
              "Fn::FindInMap: mapping '\(mapName)' has no key '\(second)' under '\(top)'\(hint)",
              about: use))
        }
      } else if let second {
        let inners = topLevel.values.compactMap(\.mapValue)
        guard inners.count == topLevel.count, !inners.contains(where: { $0.contains(second) })
        else { continue }
        findings.append(
          context.finding(
            "Fn::FindInMap: no entry of mapping '\(mapName)' has the key '\(second)', whatever the first key is",
            about: use))
      }
    }
    return findings
  }
}

enum FindInMapKeys {
  /// The key as a literal string, or `nil` when it is computed by a function.
  static func literal(_ value: Value) -> String? {
    switch value.kind {
    case .string(let string): return string
    case .number(let number): return number.literal
    case .bool(let bool): return bool ? "true" : "false"
    default: return nil
    }
  }
}
