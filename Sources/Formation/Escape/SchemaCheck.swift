internal import Schemas
import Template

extension ErrorID where Domain == RenderDomain {
  /// A raw resource whose type the CloudFormation registry does not know.
  public static let unknownResourceType = Self(rawValue: "R012")
  /// A property (raw or overridden) the type's schema does not have.
  public static let unknownProperty = Self(rawValue: "R013")
  /// A literal of a JSON type the property does not take.
  public static let wrongPropertyType = Self(rawValue: "R014")
  /// A literal outside the property's allowed values.
  public static let valueNotAllowed = Self(rawValue: "R015")
}

/// Checks what the escape hatches write against the resource schemas, at render time: the DSL
/// models the families it knows, and a raw resource or an override is otherwise unchecked text
/// until CloudFormation rejects the deployment.
///
/// Only literals are checked: an intrinsic function's result is known at deployment. A string
/// that reads as the number or boolean a property takes is accepted, as CloudFormation does.
struct SchemaCheck {
  let logicalID: String
  let type: String
  let origin: SourceLocation
  private let schema: ResourceSchema

  /// `nil` after reporting the type, when the registry does not know it.
  init?(
    _ logicalID: String, type: String, at origin: SourceLocation,
    into context: inout LoweringContext
  ) {
    let schemas = ResourceSchemas.shipped
    guard let schema = schemas[type] else {
      if !schemas.typeNames.isEmpty {
        context.fail(
          .unknownResourceType,
          "resource '\(logicalID)': '\(type)' is not a CloudFormation resource type"
            + Suggestion.phrase(for: type, in: schemas.typeNames), at: origin)
      }
      return nil
    }
    self.logicalID = logicalID
    self.type = type
    self.origin = origin
    self.schema = schema
  }

  /// Checks every property of a raw resource.
  func check(properties: OrderedMap<Value>, into context: inout LoweringContext) {
    check(.map(properties), node: 0, path: "", at: origin, into: &context)
  }

  /// Checks an override's path, and the value it sets (`nil` for a removal).
  func check(
    path: [String], value: Value?, at location: SourceLocation,
    into context: inout LoweringContext
  ) {
    var node = 0
    var walked = ""
    for name in path {
      let here = schema.nodes[node]
      let next = Self.join(walked, name)
      switch child(named: name, of: here) {
      case .known(let index):
        node = index
      case .unchecked:
        return
      case .unknown:
        fail(.unknownProperty, unknown(name, in: here, at: next), at: location, into: &context)
        return
      }
      walked = next
    }
    if let value { check(value, node: node, path: walked, at: location, into: &context) }
  }

  private enum Child { case known(Int), unchecked, unknown }

  private func child(named name: String, of node: SchemaNode) -> Child {
    if let index = node.properties[name] { return .known(index) }
    if let index = node.additionalProperties { return .known(index) }
    if !node.patternProperties.isEmpty || !node.isClosed { return .unchecked }
    return .unknown
  }

  private func check(
    _ value: Value, node index: Int, path: String, at location: SourceLocation,
    into context: inout LoweringContext
  ) {
    let node = schema.nodes[index]
    guard !node.types.isEmpty else { return }
    switch value.kind {
    case .intrinsic, .null:
      return
    case .map(let map):
      guard node.types.contains(.object) else {
        return wrongType("object", path, node, at: location, into: &context)
      }
      for entry in map {
        let (name, child) = (entry.key, entry.value)
        let childPath = Self.join(path, name)
        switch self.child(named: name, of: node) {
        case .known(let next):
          check(child, node: next, path: childPath, at: location, into: &context)
        case .unchecked: continue
        case .unknown:
          fail(
            .unknownProperty, unknown(name, in: node, at: childPath), at: location, into: &context)
        }
      }
    case .list(let items):
      guard node.types.contains(.array) else {
        return wrongType("array", path, node, at: location, into: &context)
      }
      guard let item = node.items else { return }
      for (offset, element) in items.enumerated() {
        check(element, node: item, path: "\(path)[\(offset)]", at: location, into: &context)
      }
    case .string(let text):
      let readsAsOther =
        (node.types.contains(.integer) && Int(text) != nil)
        || (node.types.contains(.number) && Double(text) != nil)
        || (node.types.contains(.boolean) && (text == "true" || text == "false"))
      guard node.types.contains(.string) || readsAsOther else {
        return wrongType("string", path, node, at: location, into: &context)
      }
      checkAllowed(text, path, node, at: location, into: &context)
    case .number(let number):
      let numeric = node.types.contains(.number) || node.types.contains(.string)
        || (node.types.contains(.integer) && number.isInteger)
      guard numeric else {
        let found = number.isInteger ? "integer" : "number"
        return wrongType(found, path, node, at: location, into: &context)
      }
      checkAllowed(number.literal, path, node, at: location, into: &context)
    case .bool(let flag):
      guard node.types.contains(.boolean) || node.types.contains(.string) else {
        return wrongType("boolean", path, node, at: location, into: &context)
      }
      checkAllowed(flag ? "true" : "false", path, node, at: location, into: &context)
    }
  }

  private func checkAllowed(
    _ literal: String, _ path: String, _ node: SchemaNode, at location: SourceLocation,
    into context: inout LoweringContext
  ) {
    guard let allowed = node.allowedValues else { return }
    let matches =
      node.allowedValuesIgnoreCase
      ? allowed.contains { $0.lowercased() == literal.lowercased() } : allowed.contains(literal)
    guard !matches else { return }
    fail(
      .valueNotAllowed,
      "'\(path)' is '\(literal)', not one of \(allowed.joined(separator: ", "))"
        + Suggestion.phrase(for: literal, in: allowed), at: location, into: &context)
  }

  private func wrongType(
    _ found: String, _ path: String, _ node: SchemaNode, at location: SourceLocation,
    into context: inout LoweringContext
  ) {
    fail(
      .wrongPropertyType, "'\(path)' must be \(node.types.description), not \(found)",
      at: location, into: &context)
  }

  private func unknown(_ name: String, in node: SchemaNode, at path: String) -> String {
    "no property '\(path)'" + Suggestion.phrase(for: name, in: node.propertyNames)
  }

  private func fail(
    _ id: RenderError.ID, _ problem: String, at location: SourceLocation,
    into context: inout LoweringContext
  ) {
    context.fail(id, "resource '\(logicalID)' (\(type)): \(problem)", at: location)
  }

  private static func join(_ path: String, _ name: String) -> String {
    path.isEmpty ? name : path + "." + name
  }
}
