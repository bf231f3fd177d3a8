import Semantics
import Template

extension Rule {
  /// TPL021: a logical id (resource, parameter, output, mapping, condition) with characters
  /// CloudFormation does not allow.
  public static let invalidLogicalID = Rule(
    id: "TPL021", title: "Logical id is not alphanumeric", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "CloudFormation requires the logical ids of resources, parameters, outputs and mappings to be 1 to 255 letters and digits (condition names may also use `_` and `&`); a hyphen or underscore copied from a physical name fails the stack's validation.",
    remediation:
      "Rename the entry to letters and digits only (`app-bucket` becomes `AppBucket`) and update its references."
  ) { context in
    let template = context.template
    var findings: [Finding] = []
    func check(
      _ names: [(String, SourceLocation?)], _ kind: String, extra: Set<Unicode.Scalar> = []
    ) {
      for (name, location) in names where !TemplateIndex.isExpansion(name) {
        guard let problem = LogicalID.problem(with: name, extra: extra) else { continue }
        findings.append(
          context.finding(
            "\(kind) '\(name)' \(problem)", logicalID: name, at: location ?? context.fileStart))
      }
    }
    check(
      template.parameters.entries.map { ($0.key, $0.value.location ?? $0.keyLocation) },
      "parameter logical id")
    check(template.mappings.entries.map { ($0.key, $0.keyLocation) }, "mapping name")
    check(
      template.conditions.entries.map { ($0.key, $0.keyLocation) }, "condition name",
      extra: ["_", "&"])
    check(
      template.resources.entries.map { ($0.key, $0.value.location ?? $0.keyLocation) },
      "resource logical id")
    check(
      template.outputs.entries.map { ($0.key, $0.value.location ?? $0.keyLocation) },
      "output logical id")
    return findings
  }
}

enum LogicalID {
  /// What is wrong with `name`, or `nil` when it is 1 to 255 ASCII letters and digits (or `extra`).
  static func problem(with name: String, extra: Set<Unicode.Scalar>) -> String? {
    if name.isEmpty { return "is empty" }
    if name.unicodeScalars.count > 255 { return "is longer than 255 characters" }
    let allowed = { (scalar: Unicode.Scalar) in
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || extra.contains(scalar)
    }
    guard let bad = name.unicodeScalars.first(where: { !allowed($0) }) else { return nil }
    let shown = bad == " " ? "a space" : "'\(bad)'"
    let others = extra.map { "'\($0)'" }.sorted()
    let rule =
      others.isEmpty
      ? "letters and digits" : "letters, digits, " + others.joined(separator: " and ")
    return "contains \(shown); only \(rule) are allowed"
  }
}
