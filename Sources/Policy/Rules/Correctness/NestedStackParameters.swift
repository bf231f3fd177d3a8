import Semantics
import Foundation
import Schemas
import Template

extension Rule {
  /// SCH025: a nested stack that passes a parameter its child template does not declare, or
  /// leaves out one the child requires.
  public static let nestedStackParameters = Rule(
    id: "SCH025", title: "Nested stack parameters do not match the child template",
    severity: .error, family: .correctness, theme: "schema",
    resourceTypes: ["AWS::CloudFormation::Stack", "AWS::Serverless::Application"],
    rationale:
      "CloudFormation creates a nested stack with the parameters its parent passes, and fails when one is not declared by the child template or when a child parameter without a Default is not passed. When the child is a file beside the template (`TemplateURL: ./network.yaml`, packaged at deployment), both can be checked before deploying. Children given by URL or by the Serverless Application Repository are not read.",
    remediation:
      "Pass exactly the parameters the child template declares: every one without a Default, and no other."
  ) { context in
    guard let file = context.template.file else { return [] }
    let folder = (file as NSString).deletingLastPathComponent
    return context.findingsPerResource { logicalID, resource in
      let key = resource.type == "AWS::Serverless::Application" ? "Location" : "TemplateURL"
      guard let written = resource.properties[key]?.stringValue,
        let child = ChildTemplate(written, besides: folder)
      else { return [] }
      var findings: [Finding] = []
      for passed in context.property(logicalID, "Parameters").possibilities {
        let entries: [OrderedMap<Value>.Entry]
        switch passed.shape {
        case .absent: entries = []
        case .map(let map): entries = map.entries
        default: continue
        }
        let names = Set(entries.map(\.key))
        for entry in entries where !child.declared.contains(entry.key) {
          findings.append(
            context.finding(
              "nested stack '\(logicalID)' passes parameter '\(entry.key)', which \(written) does not declare\(Suggestion.phrase(for: entry.key, in: child.declared))\(passed.clause)",
              logicalID: logicalID, at: entry.keyLocation ?? passed.location,
              path: "Properties.Parameters.\(entry.key)"))
        }
        let missing = child.required.filter { !names.contains($0) }
        guard !missing.isEmpty else { continue }
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        findings.append(
          context.finding(
            "nested stack '\(logicalID)' does not pass \(list), which \(written) declares without a Default\(passed.clause)",
            logicalID: logicalID,
            at: passed.isAbsent
              ? resource.properties.entry(key)?.keyLocation : passed.location,
            path: "Properties.Parameters"))
      }
      return findings.uniqued()
    }
  }
}

/// A nested stack's template when it is a file beside the parent (`./child.yaml`), read for
/// its parameters.
struct ChildTemplate {
  /// Every parameter the child declares, in its order.
  let declared: [String]
  /// The parameters without a `Default`, which the parent must pass.
  let required: [String]

  /// `nil` when `written` is a URL, an S3 location, a dynamic reference, or no readable file.
  init?(_ written: String, besides folder: String) {
    let lowered = written.lowercased()
    guard !written.contains("://"), !lowered.hasPrefix("s3:"), !written.contains("{{"),
      [".yaml", ".yml", ".json", ".template"].contains(where: { lowered.hasSuffix($0) })
    else { return nil }
    let path = written.hasPrefix("/") ? written : (folder as NSString).appendingPathComponent(written)
    guard let template = try? Template.read(contentsOf: path).template else { return nil }
    declared = template.parameters.entries.map(\.key)
    required = template.parameters.entries.filter { $0.value.defaultValue == nil }.map(\.key)
  }
}
