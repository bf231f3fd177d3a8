/// A CloudFormation template: every documented section, in the order CloudFormation documents them.
///
/// This is the one hand-off type of Formation: the DSL lowers to it, readers produce it,
/// the writer, the checker and the differ consume it. It is plain CloudFormation and
/// knows nothing of any blueprint.
public struct Template: Sendable, Hashable {
  /// The documented top-level sections, in the order the writer emits them.
  public static let sectionOrder = [
    "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
    "Conditions", "Transform", "Resources", "Outputs",
  ]

  /// The sections, behind one reference that copies share (`CopyOnWrite`).
  private var storage: CopyOnWrite<Sections>

  /// `AWSTemplateFormatVersion`; CloudFormation knows only `2010-09-09`.
  public var formatVersion: String? {
    get { storage.contents.formatVersion }
    _modify { yield &storage.contents.formatVersion }
  }

  public var description: String? {
    get { storage.contents.description }
    _modify { yield &storage.contents.description }
  }

  public var metadata: OrderedMap<Value>? {
    get { storage.contents.metadata }
    _modify { yield &storage.contents.metadata }
  }

  public var parameters: OrderedMap<Parameter> {
    get { storage.contents.parameters }
    _modify { yield &storage.contents.parameters }
  }

  public var rules: OrderedMap<Value> {
    get { storage.contents.rules }
    _modify { yield &storage.contents.rules }
  }

  public var mappings: OrderedMap<Value> {
    get { storage.contents.mappings }
    _modify { yield &storage.contents.mappings }
  }

  public var conditions: OrderedMap<Value> {
    get { storage.contents.conditions }
    _modify { yield &storage.contents.conditions }
  }

  /// `Transform`: a macro name, or a list of them (`AWS::Serverless-2016-10-31`, `AWS::LanguageExtensions`).
  public var transform: Value? {
    get { storage.contents.transform }
    _modify { yield &storage.contents.transform }
  }

  public var resources: OrderedMap<Resource> {
    get { storage.contents.resources }
    _modify { yield &storage.contents.resources }
  }

  public var outputs: OrderedMap<Output> {
    get { storage.contents.outputs }
    _modify { yield &storage.contents.outputs }
  }

  /// Top-level keys CloudFormation does not document. Kept, so `validate` can point at
  /// them and a round trip loses nothing.
  public var unknownSections: OrderedMap<Value> {
    get { storage.contents.unknownSections }
    _modify { yield &storage.contents.unknownSections }
  }

  /// Where each section's key was written, by section name.
  public var sectionLocations: [String: SourceLocation] {
    get { storage.contents.sectionLocations }
    _modify { yield &storage.contents.sectionLocations }
  }

  /// The file this template was read from, when it was read from one.
  public var file: String? {
    get { storage.contents.file }
    _modify { yield &storage.contents.file }
  }

  /// The document as read, kept only for a template that declares `AWS::LanguageExtensions`:
  /// its expansion for checking starts from what was written, every location intact.
  var document: Value? {
    get { storage.contents.document }
    _modify { yield &storage.contents.document }
  }

  /// What expanding `AWS::LanguageExtensions` assumed or could not do (a loop over a
  /// parameter's default, a collection known only at deployment); empty for a template read
  /// as written.
  public var expansionNotes: [ExpansionNote] {
    get { storage.contents.expansionNotes }
    _modify { yield &storage.contents.expansionNotes }
  }

  /// True for the result of `expandingLanguageExtensions`: expanding it again changes nothing.
  public internal(set) var isExpanded: Bool {
    get { storage.contents.isExpanded }
    _modify { yield &storage.contents.isExpanded }
  }

  public init(
    formatVersion: String? = "2010-09-09",
    description: String? = nil,
    metadata: OrderedMap<Value>? = nil,
    parameters: OrderedMap<Parameter> = [:],
    rules: OrderedMap<Value> = [:],
    mappings: OrderedMap<Value> = [:],
    conditions: OrderedMap<Value> = [:],
    transform: Value? = nil,
    resources: OrderedMap<Resource> = [:],
    outputs: OrderedMap<Output> = [:],
    unknownSections: OrderedMap<Value> = [:]
  ) {
    storage = CopyOnWrite(
      Sections(
        formatVersion: formatVersion, description: description, metadata: metadata,
        parameters: parameters, rules: rules, mappings: mappings, conditions: conditions,
        transform: transform, resources: resources, outputs: outputs,
        unknownSections: unknownSections))
  }

  public static func == (lhs: Template, rhs: Template) -> Bool {
    if lhs.storage.isShared(with: rhs.storage) { return true }
    return lhs.formatVersion == rhs.formatVersion && lhs.description == rhs.description
      && lhs.metadata == rhs.metadata && lhs.parameters == rhs.parameters && lhs.rules == rhs.rules
      && lhs.mappings == rhs.mappings && lhs.conditions == rhs.conditions
      && lhs.transform == rhs.transform && lhs.resources == rhs.resources
      && lhs.outputs == rhs.outputs && lhs.unknownSections == rhs.unknownSections
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(formatVersion)
    hasher.combine(description)
    hasher.combine(resources)
  }

  /// The sections of a template, as a value.
  private struct Sections: Sendable {
    var formatVersion: String?
    var description: String?
    var metadata: OrderedMap<Value>?
    var parameters: OrderedMap<Parameter>
    var rules: OrderedMap<Value>
    var mappings: OrderedMap<Value>
    var conditions: OrderedMap<Value>
    var transform: Value?
    var resources: OrderedMap<Resource>
    var outputs: OrderedMap<Output>
    var unknownSections: OrderedMap<Value>
    var sectionLocations: [String: SourceLocation] = [:]
    var file: String? = nil
    var document: Value? = nil
    var expansionNotes: [ExpansionNote] = []
    var isExpanded = false
  }
}

/// A resource: its type, properties and resource attributes.
public struct Resource: Sendable, Hashable {
  /// The documented resource attributes (besides `Type` and `Properties`), in writing order.
  public static let attributeOrder = [
    "Type", "Condition", "DependsOn", "Properties", "Metadata", "CreationPolicy", "UpdatePolicy",
    "DeletionPolicy", "UpdateReplacePolicy",
  ]

  /// The fields, behind one reference that copies share (`CopyOnWrite`).
  private var storage: CopyOnWrite<Fields>

  /// `AWS::S3::Bucket`, `Custom::Thing`, `AWS::Serverless::Function`; `nil` when the file has no `Type`.
  public var type: String? {
    get { storage.contents.type }
    _modify { yield &storage.contents.type }
  }

  public var properties: OrderedMap<Value> {
    get { storage.contents.properties }
    _modify { yield &storage.contents.properties }
  }

  /// `DependsOn`, always as a list; each name keeps its location.
  public var dependsOn: [Located<String>] {
    get { storage.contents.dependsOn }
    _modify { yield &storage.contents.dependsOn }
  }

  /// `Condition`: the name of a condition in the `Conditions` section.
  public var condition: Located<String>? {
    get { storage.contents.condition }
    _modify { yield &storage.contents.condition }
  }

  /// `DeletionPolicy`: `Delete`, `Retain`, `RetainExceptOnCreate` or `Snapshot`.
  public var deletionPolicy: Value? {
    get { storage.contents.deletionPolicy }
    _modify { yield &storage.contents.deletionPolicy }
  }

  public var updateReplacePolicy: Value? {
    get { storage.contents.updateReplacePolicy }
    _modify { yield &storage.contents.updateReplacePolicy }
  }

  public var updatePolicy: Value? {
    get { storage.contents.updatePolicy }
    _modify { yield &storage.contents.updatePolicy }
  }

  public var creationPolicy: Value? {
    get { storage.contents.creationPolicy }
    _modify { yield &storage.contents.creationPolicy }
  }

  public var metadata: Value? {
    get { storage.contents.metadata }
    _modify { yield &storage.contents.metadata }
  }

  /// Keys of the resource that are not documented attributes (`Propertes:`, `Version:`). Kept
  /// for `validate` to report.
  public var unknownAttributes: OrderedMap<Value> {
    get { storage.contents.unknownAttributes }
    _modify { yield &storage.contents.unknownAttributes }
  }

  /// Where the resource's logical id was written.
  public var location: SourceLocation? {
    get { storage.contents.location }
    _modify { yield &storage.contents.location }
  }

  /// Where `Type`'s value was written.
  public var typeLocation: SourceLocation? {
    get { storage.contents.typeLocation }
    _modify { yield &storage.contents.typeLocation }
  }

  /// Where `Properties:` was written.
  public var propertiesLocation: SourceLocation? {
    get { storage.contents.propertiesLocation }
    _modify { yield &storage.contents.propertiesLocation }
  }

  /// `DependsOn` was written as a single string rather than a list; kept so the writer repeats the author's form.
  public var dependsOnIsScalar: Bool {
    get { storage.contents.dependsOnIsScalar }
    _modify { yield &storage.contents.dependsOnIsScalar }
  }

  /// The `[identifier, collection, template]` list of a `Fn::ForEach::Name` entry (the
  /// language extensions transform): such an entry is a loop CloudFormation expands into
  /// resources, not a resource, so `type` is nil and nothing else is set. `nil` for resources.
  public var loop: Value? {
    get { storage.contents.loop }
    _modify { yield &storage.contents.loop }
  }

  /// `Properties` as written when it is a function rather than a mapping (`Properties: !If
  /// [UseKey, {...}, {...}]`). `properties` then holds the same properties spelled out one by
  /// one (each an `Fn::If` over the branches, `AWS::NoValue` where a branch lacks it), so
  /// every check reads both branches the way it reads a conditional property, the condition
  /// named; the writer writes this form back.
  public var propertiesFunction: Value? {
    get { if case .properties(let value)? = storage.contents.writtenFunction { value } else { nil } }
    set { storage.contents.writtenFunction = newValue.map(WrittenFunction.properties) }
  }

  /// The whole resource as written when it is an `Fn::If` (`Bucket: !If [Cond, {Type: ...},
  /// !Ref AWS::NoValue]`): the other fields hold its attributes spelled out the same way as
  /// `propertiesFunction`'s, and the writer writes this form back.
  public var bodyFunction: Value? {
    get { if case .body(let value)? = storage.contents.writtenFunction { value } else { nil } }
    set { storage.contents.writtenFunction = newValue.map(WrittenFunction.body) }
  }

  private enum WrittenFunction: Sendable, Hashable {
    case properties(Value)
    case body(Value)
  }

  public init(
    type: String?,
    properties: OrderedMap<Value> = [:],
    dependsOn: [String] = [],
    condition: String? = nil,
    deletionPolicy: Value? = nil,
    updateReplacePolicy: Value? = nil,
    updatePolicy: Value? = nil,
    creationPolicy: Value? = nil,
    metadata: Value? = nil,
    unknownAttributes: OrderedMap<Value> = [:]
  ) {
    storage = CopyOnWrite(
      Fields(
        type: type, properties: properties, dependsOn: dependsOn.map { Located($0) },
        condition: condition.map { Located($0) }, deletionPolicy: deletionPolicy,
        updateReplacePolicy: updateReplacePolicy, updatePolicy: updatePolicy,
        creationPolicy: creationPolicy, metadata: metadata, unknownAttributes: unknownAttributes))
  }

  public static func == (lhs: Resource, rhs: Resource) -> Bool {
    if lhs.storage.isShared(with: rhs.storage) { return true }
    let (left, right) = (lhs.storage.contents, rhs.storage.contents)
    return left.type == right.type && left.properties == right.properties
      && left.dependsOn == right.dependsOn && left.condition == right.condition
      && left.deletionPolicy == right.deletionPolicy
      && left.updateReplacePolicy == right.updateReplacePolicy
      && left.updatePolicy == right.updatePolicy && left.creationPolicy == right.creationPolicy
      && left.metadata == right.metadata && left.unknownAttributes == right.unknownAttributes
      && left.loop == right.loop && left.writtenFunction == right.writtenFunction
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(type)
    hasher.combine(properties)
  }

  /// The property under `name`, when present.
  public subscript(property name: String) -> Value? { properties[name] }

  /// The fields of a resource, as a value.
  private struct Fields: Sendable {
    var type: String?
    var properties: OrderedMap<Value>
    var dependsOn: [Located<String>]
    var condition: Located<String>?
    var deletionPolicy: Value?
    var updateReplacePolicy: Value?
    var updatePolicy: Value?
    var creationPolicy: Value?
    var metadata: Value?
    var unknownAttributes: OrderedMap<Value>
    var location: SourceLocation? = nil
    var typeLocation: SourceLocation? = nil
    var propertiesLocation: SourceLocation? = nil
    var dependsOnIsScalar = false
    var loop: Value? = nil
    /// `propertiesFunction` or `bodyFunction`, which nearly every resource lacks.
    var writtenFunction: WrittenFunction? = nil
  }
}

/// A parameter: its `Type` and the rest of its definition (`Default`, `AllowedValues`, ...) in order.
public struct Parameter: Sendable, Hashable {
  public var type: String?
  /// Every key of the definition except `Type`, in the order written.
  public var attributes: OrderedMap<Value>
  public var location: SourceLocation?

  public init(type: String?, attributes: OrderedMap<Value> = [:]) {
    self.type = type
    self.attributes = attributes
    self.location = nil
  }

  public var defaultValue: Value? { attributes["Default"] }
  public var description: String? { attributes["Description"]?.stringValue }
  public var noEcho: Bool { attributes["NoEcho"]?.boolValue ?? false }

  public static func == (lhs: Parameter, rhs: Parameter) -> Bool {
    lhs.type == rhs.type && lhs.attributes == rhs.attributes
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(type) }
}

/// An output: its value and optional description, export name and condition.
public struct Output: Sendable, Hashable {
  public var value: Value
  public var description: Value?
  /// The value of `Export.Name`: outputs with one can be read by other stacks with `Fn::ImportValue`.
  public var exportName: Value?
  public var condition: Located<String>?
  /// Keys of the output that CloudFormation does not document, kept for `validate`.
  public var unknownAttributes: OrderedMap<Value>
  public var location: SourceLocation?
  /// The `[identifier, collection, template]` list of a `Fn::ForEach::Name` entry (language
  /// extensions): a loop CloudFormation expands into outputs; `value` is null. `nil` for outputs.
  public var loop: Value? = nil

  public init(
    value: Value, description: Value? = nil, exportName: Value? = nil, condition: String? = nil,
    unknownAttributes: OrderedMap<Value> = [:]
  ) {
    self.value = value
    self.description = description
    self.exportName = exportName
    self.condition = condition.map { Located($0) }
    self.unknownAttributes = unknownAttributes
    self.location = nil
  }

  public static func == (lhs: Output, rhs: Output) -> Bool {
    lhs.value == rhs.value && lhs.description == rhs.description && lhs.exportName == rhs.exportName
      && lhs.condition == rhs.condition && lhs.unknownAttributes == rhs.unknownAttributes
      && lhs.loop == rhs.loop
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A literal with the location it was written at; equality ignores the location.
public struct Located<Wrapped: Sendable & Hashable>: Sendable, Hashable {
  public var value: Wrapped
  public var location: SourceLocation?

  public init(_ value: Wrapped, at location: SourceLocation? = nil) {
    self.value = value
    self.location = location
  }

  public static func == (lhs: Located, rhs: Located) -> Bool { lhs.value == rhs.value }
  public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
