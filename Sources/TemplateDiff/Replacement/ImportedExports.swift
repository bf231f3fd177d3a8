import Template

/// Exports that a proposed change alters while another stack of the compared set imports them.
///
/// CloudFormation refuses to update a stack when the value (or the name) of an export that
/// another stack imports would change. Each stack's diff alone cannot see that: the importer
/// is another template. This pass looks at the whole set: for every export of a changed stack
/// whose value changes — its `Value` is edited, or it refers to a resource that the change
/// replaces, or to a revision (a job definition's `Ref`, a launch template's latest version)
/// that any update of that resource renews — it warns when another stack imports it.
public enum ImportedExports {
  /// One stack of the set: its diff and both sides' templates.
  public struct Member: Sendable {
    public var diff: StackDiff
    public var deployed: Template?
    public var proposed: Template?

    public init(diff: StackDiff, deployed: Template?, proposed: Template?) {
      self.diff = diff
      self.deployed = deployed
      self.proposed = proposed
    }
  }

  /// The members' diffs, each with a warning for every export it changes that another member
  /// imports.
  public static func warn(_ members: [Member]) -> [StackDiff] {
    members.enumerated().map { index, member in
      var diff = member.diff
      guard let old = member.deployed, let new = member.proposed else { return diff }
      for entry in old.outputs.entries {
        guard let name = entry.value.exportName,
          let reason = change(of: entry.key, entry.value, old: old, new: new, diff: diff)
        else { continue }
        let importers = members.enumerated().filter { other, candidate in
          other != index
            && [candidate.deployed, candidate.proposed].contains { template in
              template.map { imports(name, in: $0) } ?? false
            }
        }.map(\.element.diff.name)
        guard !importers.isEmpty else { continue }
        diff.warnings.append(
          DiffWarning(
            kind: .importedExportChanges, logicalID: entry.key, type: "Output",
            message:
              "export \(ValueText.inline(name)) changes (\(reason)) while \(importers.joined(separator: ", ")) \(importers.count == 1 ? "imports" : "import") it: CloudFormation refuses the update; export a value that stays the same, or move the importers off it first"
          ))
      }
      return diff
    }
  }

  /// Why the export's value changes with this diff, or nil when it stays the same.
  static func change(of name: String, _ output: Output, old: Template, new: Template, diff: StackDiff)
    -> String?
  {
    guard let proposed = new.outputs[name] else { return "it is removed" }
    if proposed.exportName != output.exportName { return "it is renamed" }
    if proposed.value != output.value { return "its value is edited" }
    for (resource, attribute) in output.value.references {
      guard let change = diff.resources.first(where: { $0.logicalID == resource }),
        change.kind == .modified
      else { continue }
      if change.replacement == .will { return "\(resource) is replaced" }
      if change.replacement == .may { return "\(resource) may be replaced" }
      if let renewed = renewedOnUpdate(type: change.type, attribute: attribute) {
        return "\(resource) is updated, which renews \(renewed)"
      }
    }
    return nil
  }

  /// The value a resource's update renews even without replacement, for types that version.
  static func renewedOnUpdate(type: String, attribute: String?) -> String? {
    switch (type, attribute) {
    case ("AWS::Batch::JobDefinition", nil), ("AWS::Batch::JobDefinition", "JobDefinitionArn"):
      "its revision, part of its Ref"
    case ("AWS::ECS::TaskDefinition", nil), ("AWS::ECS::TaskDefinition", "TaskDefinitionArn"):
      "its revision, part of its Ref"
    case ("AWS::EC2::LaunchTemplate", "LatestVersionNumber"): "its latest version number"
    case ("AWS::Lambda::LayerVersion", _), ("AWS::Lambda::Version", _): "its version"
    default: nil
    }
  }

  /// Whether the template imports the export named `name` (compared as written).
  static func imports(_ name: Value, in template: Template) -> Bool {
    template.resources.values.contains { contains(import: name, in: .map($0.properties)) }
      || template.outputs.values.contains { contains(import: name, in: $0.value) }
  }

  private static func contains(import name: Value, in value: Value) -> Bool {
    switch value.kind {
    case .string, .number, .bool, .null: return false
    case .list(let items): return items.contains { contains(import: name, in: $0) }
    case .map(let map): return map.values.contains { contains(import: name, in: $0) }
    case .intrinsic(let function):
      if case .importValue(let imported) = function, imported == name { return true }
      return function.arguments.contains { contains(import: name, in: $0) }
    }
  }
}
