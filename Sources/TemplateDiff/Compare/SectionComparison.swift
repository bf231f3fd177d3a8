import Template

/// Compares every section but Resources, entry by entry: Parameters, Mappings, Conditions,
/// Rules, Outputs, Metadata, and the top-level keys (Description, Transform, format version).
///
/// Template Metadata has its own section so a tool's bookkeeping (cfn-lint settings, CDK
/// paths, designer layout) never reads as a resource change.
enum SectionComparison {
  static func compare(_ old: Template, _ new: Template) -> [EntryChange] {
    var entries: [EntryChange] = []
    entries += compare(
      "Parameters", old.parameters.mapValues(parameterValue),
      new.parameters.mapValues(parameterValue))
    entries += compare("Mappings", old.mappings, new.mappings)
    entries += compare("Conditions", old.conditions, new.conditions)
    entries += compare("Rules", old.rules, new.rules)
    entries += compareOutputs(old.outputs, new.outputs)
    entries += compare("Metadata", old.metadata ?? [:], new.metadata ?? [:])
    entries += compare("Template", topLevel(old), topLevel(new))
    return entries
  }

  private static func parameterValue(_ parameter: Parameter) -> Value {
    var map = OrderedMap<Value>()
    if let type = parameter.type { map["Type"] = .string(type) }
    for entry in parameter.attributes { map[entry.key] = entry.value }
    return .map(map)
  }

  private static func outputValue(_ output: Output) -> Value {
    var map = OrderedMap<Value>()
    map["Value"] = output.value
    if let description = output.description { map["Description"] = description }
    if let name = output.exportName { map["Export"] = ["Name": name] }
    if let condition = output.condition { map["Condition"] = .string(condition.value) }
    for entry in output.unknownAttributes { map[entry.key] = entry.value }
    return .map(map)
  }

  private static func topLevel(_ template: Template) -> OrderedMap<Value> {
    var map = OrderedMap<Value>()
    if let version = template.formatVersion { map["AWSTemplateFormatVersion"] = .string(version) }
    if let description = template.description { map["Description"] = .string(description) }
    if let transform = template.transform { map["Transform"] = transform }
    for entry in template.unknownSections { map[entry.key] = entry.value }
    return map
  }

  private static func compareOutputs(_ old: OrderedMap<Output>, _ new: OrderedMap<Output>)
    -> [EntryChange]
  {
    var entries = compare("Outputs", old.mapValues(outputValue), new.mapValues(outputValue))
    for index in entries.indices {
      let name = entries[index].name
      let oldExport = old[name]?.exportName
      let newExport = new[name]?.exportName
      guard let oldExport, oldExport != newExport else { continue }
      entries[index].note =
        "export \(ValueText.inline(oldExport)) is \(newExport == nil ? "removed" : "renamed"): CloudFormation refuses the update while another stack imports it"
    }
    return entries
  }

  static func compare(_ section: String, _ old: OrderedMap<Value>, _ new: OrderedMap<Value>)
    -> [EntryChange]
  {
    var entries: [EntryChange] = []
    for entry in new.entries {
      guard let previous = old[entry.key] else {
        entries.append(
          EntryChange(section: section, name: entry.key, kind: .added, new: entry.value))
        continue
      }
      var differ = ValueDiffer()
      differ.compare(previous, entry.value, at: PropertyPath())
      if !differ.changes.isEmpty {
        entries.append(
          EntryChange(
            section: section, name: entry.key, kind: .modified, changes: differ.changes,
            old: previous,
            new: entry.value))
      }
    }
    for entry in old.entries where !new.contains(entry.key) {
      entries.append(
        EntryChange(section: section, name: entry.key, kind: .removed, old: entry.value))
    }
    return entries
  }
}
