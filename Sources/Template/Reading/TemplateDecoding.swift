extension Template {
  /// Decodes the sections of a template from its root value.
  ///
  /// Only shapes that leave no sensible model are errors here (a root or a `Resources` that
  /// is not a mapping, `Properties` that is a string); what CloudFormation would reject but
  /// the model can hold (a resource without `Type`, an unknown section or attribute) is kept
  /// for `validate` to report with its location.
  public init(decoding root: Value) throws(TemplateError) {
    guard case .map(let sections) = root.kind else {
      throw TemplateError(
        .rootNotMapping,
        "the template is \(root.kindDescription), but a template must be a mapping of sections (Resources, Parameters, ...)",
        at: root.location ?? SourceLocation(file: "<memory>", line: 1, column: 1))
    }
    self.init(formatVersion: nil)
    for entry in sections {
      let value = entry.value
      let at = value.location ?? entry.keyLocation
      if let keyLocation = entry.keyLocation { sectionLocations[entry.key] = keyLocation }
      switch entry.key {
      case "AWSTemplateFormatVersion":
        formatVersion = try Self.text(
          value, "AWSTemplateFormatVersion", "a date string such as '2010-09-09'")
      case "Description":
        description = try Self.text(value, "Description", "a string")
      case "Metadata":
        metadata = try Self.mapping(value, "the Metadata section", at: at)
      case "Parameters":
        parameters = try Self.mapping(value, "the Parameters section", at: at).mapEntries(
          Self.parameter)
      case "Rules":
        rules = try Self.mapping(value, "the Rules section", at: at)
      case "Mappings":
        mappings = try Self.mapping(value, "the Mappings section", at: at)
      case "Conditions":
        conditions = try Self.mapping(value, "the Conditions section", at: at).mapValues(
          IntrinsicDecoding.conditionOperand)
      case "Transform":
        transform = value
        if Self.declaresLanguageExtensions(value) { document = root }
      case "Resources":
        resources = try Self.mapping(value, "the Resources section", at: at).mapEntries(
          Self.resource)
      case "Outputs":
        outputs = try Self.mapping(value, "the Outputs section", at: at).mapEntries(Self.output)
      default:
        unknownSections.insert(entry)
      }
    }
  }

  /// The key prefix of a language-extensions loop, `Fn::ForEach::Name`.
  static let forEachPrefix = "Fn::ForEach::"

  /// A section's mapping; an empty section (`Parameters:` with nothing under it) is an empty mapping.
  private static func mapping(_ value: Value, _ what: String, at location: SourceLocation?)
    throws(TemplateError)
    -> OrderedMap<Value>
  {
    switch value.kind {
    case .map(let map): return map
    case .null: return [:]
    default:
      throw shape(
        "\(what) must be a mapping, not \(value.kindDescription)", at: value.location ?? location)
    }
  }

  private static func text(_ value: Value, _ what: String, _ expected: String) throws(TemplateError)
    -> String
  {
    switch value.kind {
    case .string(let text): return text
    case .number(let number): return number.literal
    default:
      throw shape("\(what) must be \(expected), not \(value.kindDescription)", at: value.location)
    }
  }

  private static func shape(_ message: String, at location: SourceLocation?) -> TemplateError {
    TemplateError(
      .sectionShape, message, at: location ?? SourceLocation(file: "<memory>", line: 1, column: 1))
  }

  private static func resource(_ entry: OrderedMap<Value>.Entry) throws(TemplateError) -> Resource {
    let id = entry.key
    if case .list = entry.value.kind, id.hasPrefix(Self.forEachPrefix) {
      var loop = Resource(type: nil)
      loop.location = entry.keyLocation
      loop.loop = entry.value
      return loop
    }
    if case .intrinsic(.if) = entry.value.kind {
      return try conditionalResource(entry)
    }
    guard case .map(let attributes) = entry.value.kind else {
      throw shape(
        "resource '\(id)' must be a mapping with Type and Properties, not \(entry.value.kindDescription)",
        at: entry.value.location ?? entry.keyLocation)
    }
    var resource = Resource(type: nil)
    resource.location = entry.keyLocation
    // Through the buffer, each attribute is read in place instead of copied (key and value
    // retained and released) once per attribute of every resource.
    try attributes.entries.withUnsafeBufferPointer { (attributes) throws(TemplateError) in
      for index in attributes.indices {
        try decodeAttribute(attributes[index], of: id, into: &resource)
      }
    }
    return resource
  }

  /// A resource whose whole body is an `Fn::If`: its attributes spelled out branch by branch
  /// (see `ConditionalAttributes`); `Type`, `Condition` and `DependsOn` take the literals the
  /// branches write, as CloudFormation requires literals there.
  private static func conditionalResource(_ entry: OrderedMap<Value>.Entry) throws(TemplateError)
    -> Resource
  {
    let id = entry.key
    guard let attributes = ConditionalAttributes.members(of: entry.value) else {
      throw shape(
        "each branch of resource '\(id)''s Fn::If must be a mapping with Type and Properties, or AWS::NoValue",
        at: entry.value.location ?? entry.keyLocation)
    }
    var resource = Resource(type: nil)
    resource.location = entry.keyLocation
    for attribute in attributes {
      var spelled = attribute
      switch attribute.key {
      case "Type", "Condition":
        guard let literal = ConditionalAttributes.literals(of: attribute.value).first else { continue }
        spelled.value = literal
      case "DependsOn":
        var seen: Set<String> = []
        spelled.value = Value(
          .list(
            ConditionalAttributes.literals(of: attribute.value).filter {
              seen.insert($0.stringValue ?? "").inserted
            }), at: attribute.value.location)
      default: break
      }
      try decodeAttribute(spelled, of: id, into: &resource)
    }
    // Last: the spelled-out Properties set `propertiesFunction`, which shares its field.
    resource.bodyFunction = entry.value
    return resource
  }

  /// One attribute of resource `id` (`Type`, `Properties`, `DependsOn`, ...) into `resource`.
  private static func decodeAttribute(
    _ attribute: borrowing OrderedMap<Value>.Entry, of id: String, into resource: inout Resource
  ) throws(TemplateError) {
    let value = attribute.value
    switch attribute.key {
    case "Type":
      guard case .string(let type) = value.kind else {
        throw shape(
          "the Type of resource '\(id)' must be a string such as AWS::S3::Bucket, not \(value.kindDescription)",
          at: value.location)
      }
      resource.type = type
      resource.typeLocation = value.location
    case "Properties":
      resource.propertiesLocation = attribute.keyLocation
      switch value.kind {
      case .map(let properties): resource.properties = properties
      case .null: break
      case .intrinsic(.if), .intrinsic(.transform), .intrinsic(.transforms):
        guard let properties = ConditionalAttributes.members(of: value) else {
          throw shape(
            "each branch of the Fn::If of resource '\(id)''s Properties must be a mapping or AWS::NoValue",
            at: value.location)
        }
        resource.properties = properties
        resource.propertiesFunction = value
      default:
        throw shape(
          "the Properties of resource '\(id)' must be a mapping, not \(value.kindDescription)",
          at: value.location)
      }
    case "DependsOn":
      switch value.kind {
      case .string(let name):
        resource.dependsOn = [Located(name, at: value.location)]
        resource.dependsOnIsScalar = true
      case .list(let names):
        var dependsOn: [Located<String>] = []
        for name in names {
          guard case .string(let text) = name.kind else {
            throw shape(
              "DependsOn of resource '\(id)' must list logical ids as strings, not \(name.kindDescription)",
              at: name.location)
          }
          dependsOn.append(Located(text, at: name.location))
        }
        resource.dependsOn = dependsOn
      default:
        throw shape(
          "DependsOn of resource '\(id)' must be a logical id or a list of them, not \(value.kindDescription)",
          at: value.location)
      }
    case "Condition":
      guard case .string(let name) = value.kind else {
        throw shape(
          "the Condition of resource '\(id)' must be the name of a condition, not \(value.kindDescription)",
          at: value.location)
      }
      resource.condition = Located(name, at: value.location)
    case "DeletionPolicy": resource.deletionPolicy = value
    case "UpdateReplacePolicy": resource.updateReplacePolicy = value
    case "UpdatePolicy": resource.updatePolicy = value
    case "CreationPolicy": resource.creationPolicy = value
    case "Metadata": resource.metadata = value
    default: resource.unknownAttributes.insert(copy attribute)
    }
  }

  private static func parameter(_ entry: OrderedMap<Value>.Entry) throws(TemplateError) -> Parameter
  {
    guard case .map(let definition) = entry.value.kind else {
      throw shape(
        "parameter '\(entry.key)' must be a mapping with a Type, not \(entry.value.kindDescription)",
        at: entry.value.location ?? entry.keyLocation)
    }
    var parameter = Parameter(type: nil)
    parameter.location = entry.keyLocation
    for attribute in definition {
      if attribute.key == "Type" {
        guard case .string(let type) = attribute.value.kind else {
          throw shape(
            "the Type of parameter '\(entry.key)' must be a string such as String, not \(attribute.value.kindDescription)",
            at: attribute.value.location)
        }
        parameter.type = type
      } else {
        parameter.attributes.insert(attribute)
      }
    }
    return parameter
  }

  private static func output(_ entry: OrderedMap<Value>.Entry) throws(TemplateError) -> Output {
    let id = entry.key
    if case .list = entry.value.kind, id.hasPrefix(Self.forEachPrefix) {
      var loop = Output(value: Value(.null, at: entry.value.location))
      loop.location = entry.keyLocation
      loop.loop = entry.value
      return loop
    }
    guard case .map(let definition) = entry.value.kind else {
      throw shape(
        "output '\(id)' must be a mapping with a Value, not \(entry.value.kindDescription)",
        at: entry.value.location ?? entry.keyLocation)
    }
    guard let value = definition["Value"] else {
      throw shape("output '\(id)' has no Value", at: entry.keyLocation ?? entry.value.location)
    }
    var output = Output(value: value)
    output.location = entry.keyLocation
    for attribute in definition {
      switch attribute.key {
      case "Value": break
      case "Description": output.description = attribute.value
      case "Export":
        guard case .map(let export) = attribute.value.kind, let name = export["Name"],
          export.count == 1
        else {
          throw shape(
            "the Export of output '\(id)' must be a mapping with only a Name, not \(attribute.value.kindDescription)",
            at: attribute.value.location)
        }
        output.exportName = name
      case "Condition":
        guard case .string(let name) = attribute.value.kind else {
          throw shape(
            "the Condition of output '\(id)' must be the name of a condition, not \(attribute.value.kindDescription)",
            at: attribute.value.location)
        }
        output.condition = Located(name, at: attribute.value.location)
      default: output.unknownAttributes.insert(attribute)
      }
    }
    return output
  }
}
