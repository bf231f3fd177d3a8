extension Template {
  /// The template as a value tree, sections in `Template.sectionOrder` (the inverse of
  /// `init(decoding:)`).
  ///
  /// Both writers start from this tree, so YAML and JSON always agree. A section is written
  /// when it has content, or when the file it was read from had it (an explicit
  /// `Conditions: {}` survives a round trip, so `validate` still sees what the author wrote).
  /// Undocumented top-level keys follow the documented sections, in their own order.
  public var encoded: Value {
    var root = OrderedMap<Value>()
    if let formatVersion { root["AWSTemplateFormatVersion"] = .string(formatVersion) }
    if let description { root["Description"] = .string(description) }
    if let metadata { root["Metadata"] = .map(metadata) }
    if wasWritten("Parameters", parameters.isEmpty) {
      root["Parameters"] = .map(parameters.mapValues(\.encoded))
    }
    if wasWritten("Rules", rules.isEmpty) { root["Rules"] = .map(rules) }
    if wasWritten("Mappings", mappings.isEmpty) { root["Mappings"] = .map(mappings) }
    if wasWritten("Conditions", conditions.isEmpty) { root["Conditions"] = .map(conditions) }
    if let transform { root["Transform"] = transform }
    if wasWritten("Resources", resources.isEmpty) {
      root["Resources"] = .map(resources.mapValues(\.encoded))
    }
    if wasWritten("Outputs", outputs.isEmpty) {
      root["Outputs"] = .map(outputs.mapValues(\.encoded))
    }
    for entry in unknownSections where !root.contains(entry.key) {
      root.insert(.init(key: entry.key, value: entry.value))
    }
    return .map(root)
  }

  /// A mapping section is written when it has entries or was present in the source file.
  private func wasWritten(_ section: String, _ isEmpty: Bool) -> Bool {
    !isEmpty || sectionLocations[section] != nil
  }
}

extension Resource {
  /// The resource as a mapping, attributes in `Resource.attributeOrder`, then undocumented
  /// keys in their own order.
  ///
  /// `DependsOn` is written as a single string only when the author wrote it that way and it
  /// names one resource; otherwise it is a list. A `Fn::ForEach` loop is written as its
  /// `[identifier, collection, template]` list.
  public var encoded: Value {
    if let loop { return loop }
    if let bodyFunction { return bodyFunction }
    var map = OrderedMap<Value>()
    if let type { map["Type"] = .string(type) }
    if let condition { map["Condition"] = .string(condition.value) }
    if dependsOn.count == 1, dependsOnIsScalar {
      map["DependsOn"] = .string(dependsOn[0].value)
    } else if !dependsOn.isEmpty {
      map["DependsOn"] = .list(dependsOn.map { .string($0.value) })
    }
    if let propertiesFunction {
      map["Properties"] = propertiesFunction
    } else if !properties.isEmpty || propertiesLocation != nil {
      map["Properties"] = .map(properties)
    }
    if let metadata { map["Metadata"] = metadata }
    if let creationPolicy { map["CreationPolicy"] = creationPolicy }
    if let updatePolicy { map["UpdatePolicy"] = updatePolicy }
    if let deletionPolicy { map["DeletionPolicy"] = deletionPolicy }
    if let updateReplacePolicy { map["UpdateReplacePolicy"] = updateReplacePolicy }
    for entry in unknownAttributes where !map.contains(entry.key) {
      map.insert(.init(key: entry.key, value: entry.value))
    }
    return .map(map)
  }
}

extension Parameter {
  /// The parameter as a mapping: `Type` first, then the other keys in the order written.
  public var encoded: Value {
    var map = OrderedMap<Value>()
    if let type { map["Type"] = .string(type) }
    for entry in attributes where !map.contains(entry.key) {
      map.insert(.init(key: entry.key, value: entry.value))
    }
    return .map(map)
  }
}

extension Output {
  /// The output as a mapping: `Description`, `Condition`, `Value`, `Export: {Name:}`, then
  /// undocumented keys in their own order. A `Fn::ForEach` loop is written as its list.
  public var encoded: Value {
    if let loop { return loop }
    var map = OrderedMap<Value>()
    if let description { map["Description"] = description }
    if let condition { map["Condition"] = .string(condition.value) }
    map["Value"] = value
    if let exportName { map["Export"] = .map(["Name": exportName]) }
    for entry in unknownAttributes where !map.contains(entry.key) {
      map.insert(.init(key: entry.key, value: entry.value))
    }
    return .map(map)
  }
}
