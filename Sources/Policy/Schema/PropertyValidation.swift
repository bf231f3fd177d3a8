import Foundation
import Template
import Schemas

/// One way a resource's properties break its type's schema.
struct SchemaIssue: Sendable {
  enum Kind: Sendable {
    case unknownProperty, missingProperty, requirementGroup, wrongType, notAllowed, outOfRange
    case wrongLength, patternMismatch, readOnly, duplicateItem
  }

  var kind: Kind
  var message: String
  var location: SourceLocation?
  var path: String
  /// Set when the issue is lesser than its check's severity: an allowed value of a parameter
  /// the property rejects while another allowed value works is a warning, since the stack can
  /// be created with the others.
  var severity: Severity? = nil
}

/// Checks one resource's `Properties` against its schema, as CloudFormation reads them.
///
/// Values are checked as far as they can be known: both branches of `Fn::If`; a `Ref` to a
/// parameter with `AllowedValues` through each allowed value; `Ref`, `Fn::Sub` and `Fn::Join`
/// as strings and `Fn::Split`/`Fn::GetAZs` as lists for their type only; `AWS::NoValue`
/// removes the property. Any other function's value is unknown and passes. Scalars are
/// coerced as CloudFormation does: `"5"` is an integer, `"true"` a boolean, `5` a string.
struct PropertyValidation {
  let template: Template
  let schema: ResourceSchema
  private(set) var issues: [SchemaIssue] = []
  /// Where the walk is below `Properties`: the path is spelled out only for an issue.
  private var trail: [Step] = []

  private enum Step {
    case key(String)
    case item(Int)
  }

  /// The property path being checked, as findings name it (`Properties.Tags[2].Key`).
  private var path: String {
    trail.reduce(into: "Properties") { path, step in
      switch step {
      case .key(let key): path += "." + key
      case .item(let position): path += "[\(position)]"
      }
    }
  }

  init(template: Template, schema: ResourceSchema) {
    self.template = template
    self.schema = schema
  }

  /// Checks `resource`'s properties, reporting a missing one at `location`.
  mutating func check(_ resource: Resource, at location: SourceLocation?) {
    let root = schema.properties
    checkObject(resource.properties, node: root, at: resource.propertiesLocation ?? location)
    for entry in resource.properties.entries where schema.readOnly.contains(entry.key) {
      guard !isNoValue(entry.value) else { continue }
      issues.append(
        SchemaIssue(
          kind: .readOnly,
          message: "'\(entry.key)' is read-only: CloudFormation sets it and a template may not",
          location: entry.keyLocation ?? entry.value.location, path: "Properties.\(entry.key)"))
    }
  }

  private mutating func check(_ value: Value, node index: Int) {
    guard index < schema.nodes.count else { return }
    let node = schema.nodes[index]
    switch value.kind {
    case .intrinsic(let function):
      checkFunction(function, value: value, node: index)
    case .map(let map):
      guard node.types.isEmpty || node.types.contains(.object) else {
        return wrongType("a mapping", node: node, at: value.location)
      }
      checkObject(map, node: node, at: value.location)
    case .list(let list):
      guard node.types.isEmpty || node.types.contains(.array) else {
        return wrongType("a list", node: node, at: value.location)
      }
      if !node.itemCount.admits(list.count) {
        issues.append(
          SchemaIssue(
            kind: .wrongLength,
            message: "\(path) has \(list.count) item\(list.count == 1 ? "" : "s"); expected \(node.itemCount.description)",
            location: value.location, path: path))
      }
      if node.uniqueItems { checkUnique(list) }
      if let items = node.items {
        for (position, item) in list.enumerated() {
          trail.append(.item(position))
          check(item, node: items)
          trail.removeLast()
        }
      }
    case .string(let text):
      // A dynamic reference (`{{resolve:secretsmanager:...}}`) is replaced at deployment.
      guard !DynamicReference.appears(in: text) else { return }
      checkScalar(Scalar(text: text, kind: .string), node: node, at: value.location)
    case .number(let number):
      checkScalar(Scalar(text: number.literal, kind: .number), node: node, at: value.location)
    case .bool(let bool):
      checkScalar(Scalar(text: bool ? "true" : "false", kind: .bool), node: node, at: value.location)
    case .null:
      return
    }
  }

  private mutating func checkFunction(_ function: Intrinsic, value: Value, node index: Int) {
    let node = schema.nodes[index]
    switch function {
    case .if(_, let then, let otherwise):
      check(then, node: index)
      check(otherwise, node: index)
    case .ref(let name):
      if name == "AWS::NoValue" { return }
      if let parameter = template.parameters[name] {
        let type = parameter.type ?? "String"
        if type.hasPrefix("List<") || type == "CommaDelimitedList" {
          if !node.types.isEmpty, !node.types.contains(.array), !node.types.contains(.string) {
            wrongType("a list (parameter '\(name)')", node: node, at: value.location)
          }
          return
        }
        if type.hasPrefix("AWS::SSM::Parameter::Value<List<") { return }
        if !node.types.isEmpty, !node.types.contains(.string), !node.types.contains(.integer),
          !node.types.contains(.number), !node.types.contains(.boolean)
        {
          return wrongType("a string (parameter '\(name)')", node: node, at: value.location)
        }
        let first = issues.count
        var checked = 0
        var rejected = 0
        for allowed in parameter.attributes["AllowedValues"]?.listValue ?? [] {
          let text = allowed.stringValue ?? allowed.numberValue?.literal ?? allowed.boolValue.map { "\($0)" }
          guard let text else { continue }
          let before = issues.count
          checkScalar(
            Scalar(text: text, kind: .string, parameter: name), node: node, at: value.location)
          checked += 1
          if issues.count > before { rejected += 1 }
        }
        if rejected < checked {
          for position in first..<issues.count { issues[position].severity = .warning }
        }
      } else if name == "AWS::NotificationARNs" {
        return
      } else {
        stringOnly(function.name, node: node, at: value.location)
      }
    case .sub, .join, .base64, .importValue:
      stringOnly(function.name, node: node, at: value.location)
    case .split, .getAZs, .cidr:
      if !node.types.isEmpty, !node.types.contains(.array), !node.types.contains(.string) {
        wrongType("a list (\(function.name))", node: node, at: value.location)
      }
    default:
      return
    }
  }

  /// A function whose value is always a string, given where the schema wants a list or mapping.
  private mutating func stringOnly(_ function: String, node: SchemaNode, at location: SourceLocation?) {
    guard !node.types.isEmpty, node.types.isDisjoint(with: [.string, .integer, .number, .boolean])
    else { return }
    wrongType("a string (\(function))", node: node, at: location)
  }

  private mutating func checkObject(
    _ map: OrderedMap<Value>, node: SchemaNode, at location: SourceLocation?
  ) {
    var generatesKeys = false
    for entry in map.entries {
      let key = entry.key
      if key.hasPrefix("Fn::") {
        // `Fn::ForEach` or `Fn::Transform` adds keys this walk cannot see.
        generatesKeys = true
        continue
      }
      let child =
        node.properties[key]
        ?? node.patternProperties.first(where: { PatternCache.shared.matches($0.pattern, key) })?.node
        ?? node.additionalProperties
      if let child {
        trail.append(.key(key))
        check(entry.value, node: child)
        trail.removeLast()
        continue
      }
      guard node.isClosed else { continue }
      let hint = Suggestion.phrase(for: key, in: node.propertyNames)
      issues.append(
        SchemaIssue(
          kind: .unknownProperty, message: "unknown property '\(key)' in \(path)\(hint)",
          location: entry.keyLocation ?? entry.value.location, path: "\(path).\(key)"))
    }
    if generatesKeys { return }
    // Set: written, and not removed by `AWS::NoValue` (an object has a few keys: looked up as
    // asked rather than gathered into a set).
    func present(_ name: String) -> Bool { map[name].map { !isNoValue($0) } ?? false }
    for name in node.required where !present(name) {
      issues.append(
        SchemaIssue(
          kind: .missingProperty, message: "\(path) is missing required property '\(name)'",
          location: location, path: path))
    }
    for dependency in node.dependentRequired where present(dependency.property) {
      for name in dependency.requires where !map.contains(name) {
        issues.append(
          SchemaIssue(
            kind: .requirementGroup,
            message: "\(path) sets '\(dependency.property)', which requires '\(name)'",
            location: location, path: path))
      }
    }
    for exclusion in node.dependentExcluded where present(exclusion.property) {
      for name in exclusion.excludes where present(name) {
        issues.append(
          SchemaIssue(
            kind: .requirementGroup,
            message: "\(path) sets '\(exclusion.property)', which may not be set with '\(name)'",
            location: map.entry(name)?.keyLocation ?? location, path: "\(path).\(name)"))
      }
    }
    for group in node.groups {
      let met = group.options.filter { option in option.allSatisfy { map.contains($0) } }
      // Spelled only for a group that is not met: most are.
      var described: String {
        group.options.map { $0.joined(separator: " and ") }.joined(separator: ", ")
      }
      if met.isEmpty {
        let which = group.kind == .one ? "exactly one" : "at least one"
        issues.append(
          SchemaIssue(
            kind: .requirementGroup, message: "\(path) must set \(which) of: \(described)",
            location: location, path: path))
      } else if group.kind == .one, met.count > 1, group.options.allSatisfy({ $0.count == 1 }),
        met.allSatisfy({ present($0[0]) })
      {
        issues.append(
          SchemaIssue(
            kind: .requirementGroup,
            message: "\(path) sets \(met.map { "'\($0[0])'" }.joined(separator: " and ")); only one of \(described) may be set",
            location: location, path: path))
      }
    }
  }

  /// Reports each element equal to an earlier one (functions compare as written).
  private mutating func checkUnique(_ list: [Value]) {
    var seen: Set<Value> = []
    for (position, item) in list.enumerated() {
      if case .intrinsic(.if) = item.kind { continue }
      // A short list (most are: tags, ports) is compared pairwise, not hashed.
      let repeats =
        list.count <= 16 ? list[..<position].contains(item) : !seen.insert(item).inserted
      guard repeats else { continue }
      issues.append(
        SchemaIssue(
          kind: .duplicateItem,
          message: "\(path)[\(position)] repeats an earlier element; the list's elements must be unique",
          location: item.location, path: "\(path)[\(position)]"))
    }
  }

  private func isNoValue(_ value: Value) -> Bool {
    if case .intrinsic(.ref("AWS::NoValue")) = value.kind { return true }
    return false
  }

  // MARK: - Scalars

  struct Scalar {
    enum Kind { case string, number, bool }
    var text: String
    var kind: Kind
    /// The parameter whose allowed value this is, for the message.
    var parameter: String? = nil

    var quoted: String {
      let shown = kind == .string ? "'\(text)'" : text
      return parameter.map { "\(shown) (allowed value of parameter '\($0)')" } ?? shown
    }
  }

  private static let booleanStrings: Set<String> = ["true", "false", "True", "False"]

  private mutating func checkScalar(_ scalar: Scalar, node: SchemaNode, at location: SourceLocation?) {
    if !node.types.isEmpty, !Self.admits(scalar, node.types) {
      return wrongType(scalar.quoted, node: node, at: location)
    }
    if let allowed = node.allowedValues, !Self.isAllowed(scalar.text, in: allowed, ignoringCase: node.allowedValuesIgnoreCase) {
      let shown = allowed.count > 12 ? allowed.prefix(12).joined(separator: ", ") + ", ..." : allowed.joined(separator: ", ")
      let hint = Suggestion.phrase(for: scalar.text, in: allowed)
      issues.append(
        SchemaIssue(
          kind: .notAllowed,
          message: "\(path) is \(scalar.quoted), which is not one of: \(shown)\(node.allowedValuesIgnoreCase ? " (case-insensitive)" : "")\(hint)",
          location: location, path: path))
      return
    }
    if node.minimum != nil || node.maximum != nil, scalar.kind != .bool, let number = Double(scalar.text) {
      if let minimum = node.minimum, number < minimum {
        return outOfRange(scalar, "at least \(Self.format(minimum))", at: location)
      }
      if let maximum = node.maximum, number > maximum {
        return outOfRange(scalar, "at most \(Self.format(maximum))", at: location)
      }
    }
    guard scalar.kind == .string else { return }
    // Lengths count code points, as JSON Schema (and cfn-lint) do.
    let count = scalar.text.unicodeScalars.count
    if !node.length.admits(count) {
      issues.append(
        SchemaIssue(
          kind: .wrongLength,
          message: "\(path) is \(count) character\(count == 1 ? "" : "s") long; expected \(node.length.description)",
          location: location, path: path))
      return
    }
    if let pattern = node.pattern, !PatternCache.shared.matches(pattern, scalar.text) {
      issues.append(
        SchemaIssue(
          kind: .patternMismatch,
          message: "\(path) is \(scalar.quoted), which does not match the pattern \(pattern)",
          location: location, path: path))
    }
  }

  private mutating func outOfRange(_ scalar: Scalar, _ bound: String, at location: SourceLocation?) {
    issues.append(
      SchemaIssue(
        kind: .outOfRange, message: "\(path) is \(scalar.quoted); it must be \(bound)",
        location: location, path: path))
  }

  private mutating func wrongType(_ shown: String, node: SchemaNode, at location: SourceLocation?) {
    issues.append(
      SchemaIssue(
        kind: .wrongType, message: "\(path) is \(shown); expected \(node.types.description)",
        location: location, path: path))
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  /// Whether `scalar` is one of `types` after CloudFormation's coercions.
  static func admits(_ scalar: Scalar, _ types: JSONTypes) -> Bool {
    switch scalar.kind {
    case .string:
      if types.contains(.string) { return true }
      if types.contains(.integer), Int(scalar.text) != nil { return true }
      if types.contains(.number), Double(scalar.text) != nil { return true }
      if types.contains(.boolean), booleanStrings.contains(scalar.text) { return true }
      return false
    case .number:
      return !types.isDisjoint(with: [.string, .integer, .number])
    case .bool:
      return !types.isDisjoint(with: [.string, .boolean])
    }
  }

  static func isAllowed(_ text: String, in allowed: [String], ignoringCase: Bool) -> Bool {
    if allowed.contains(text) { return true }
    if ignoringCase, allowed.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) {
      return true
    }
    if let number = Double(text), allowed.contains(where: { Double($0) == number }) { return true }
    return false
  }
}

/// Compiled schema patterns, shared across templates: each pattern is compiled once. A pattern
/// the platform's engine cannot compile matches everything, so it is never a false error.
final class PatternCache: @unchecked Sendable {
  static let shared = PatternCache()
  private var compiled: [String: NSRegularExpression?] = [:]
  private let lock = NSLock()

  func matches(_ pattern: String, _ text: String) -> Bool {
    lock.lock()
    let expression: NSRegularExpression?
    if let known = compiled[pattern] {
      expression = known
    } else {
      expression = try? NSRegularExpression(pattern: pattern)
      compiled[pattern] = .some(expression)
    }
    lock.unlock()
    guard let expression else { return true }
    let range = NSRange(text.startIndex..., in: text)
    return expression.firstMatch(in: text, range: range) != nil
  }
}
