import Semantics
import Template

/// A canonical text for a value, equal for two values CloudFormation treats the same.
///
/// The equalities come from how CloudFormation hands values to resource providers: every
/// scalar becomes a string (`5` and `"5"`, `true` and `"true"` are one value), mapping key
/// order carries no meaning, and `!Ref AWS::NoValue` is the same as leaving the key out.
/// Inside an IAM policy document the IAM rules apply on top: a single statement, action,
/// resource or principal is the same as a one-element list, and the order of statements,
/// actions, resources, principals and condition values does not matter.
///
/// Written to a buffer rather than built as a tree, so comparing two large resources
/// allocates one string each.
enum Fingerprint {
  static func of(_ value: Value, inPolicy: Bool = false) -> String {
    var text = ""
    write(value, inPolicy: inPolicy, key: nil, to: &text)
    return text
  }

  /// The canonical text of a scalar, the string CloudFormation passes on; `nil` for
  /// lists, mappings and functions.
  static func scalarText(_ value: Value) -> String? {
    switch value.kind {
    case .string(let string): return string
    case .number(let number): return number.literal
    case .bool(let bool): return bool ? "true" : "false"
    case .null: return nil
    default: return nil
    }
  }

  /// `!Ref AWS::NoValue`: the key is treated as absent.
  static func isNoValue(_ value: Value) -> Bool {
    if case .intrinsic(.ref("AWS::NoValue")) = value.kind { return true }
    return false
  }

  private static func write(_ value: Value, inPolicy: Bool, key: String?, to text: inout String) {
    switch value.kind {
    case .string, .number, .bool:
      text += "\""
      text += escaped(scalarText(value) ?? "")
      text += "\""
    case .null:
      text += "null"
    case .list(let elements):
      if inPolicy, let key, PolicyDocumentShape.unorderedKeys.contains(key) {
        writeSet(elements, inPolicy: inPolicy, to: &text)
      } else {
        text += "["
        for (index, element) in elements.enumerated() {
          if index > 0 { text += "," }
          write(element, inPolicy: inPolicy, key: nil, to: &text)
        }
        text += "]"
      }
    case .map(let map):
      let policy = inPolicy || PolicyDocumentShape.isDocument(map)
      text += "{"
      var first = true
      for entry in map.entries.sorted(by: { $0.key < $1.key }) where !isNoValue(entry.value) {
        if !first { text += "," }
        first = false
        text += "\""
        text += escaped(entry.key)
        text += "\":"
        if policy, entry.key == "Principal" || entry.key == "NotPrincipal",
          entry.value.stringValue == "*"
        {
          // `Principal: "*"` is IAM's spelling of `Principal: {AWS: "*"}`.
          text += "{\"AWS\":<\"*\">}"
        } else if policy, entry.key == "Condition", let operators = entry.value.mapValue {
          writeCondition(operators, to: &text)
        } else if policy, PolicyDocumentShape.unorderedKeys.contains(entry.key),
          entry.value.listValue == nil,
          !(entry.key == "Principal" && entry.value.mapValue != nil)
        {
          // A single statement, action or resource is a one-element list.
          writeSet([entry.value], inPolicy: true, to: &text)
        } else {
          write(entry.value, inPolicy: policy, key: entry.key, to: &text)
        }
      }
      text += "}"
    case .intrinsic(let function):
      writeIntrinsic(function, inPolicy: inPolicy, to: &text)
    }
  }

  /// `Condition: {StringEquals: {key: value}}`: every condition key's values are a set.
  private static func writeCondition(_ operators: OrderedMap<Value>, to text: inout String) {
    text += "{"
    for (index, entry) in operators.entries.sorted(by: { $0.key < $1.key }).enumerated() {
      if index > 0 { text += "," }
      text += "\"" + escaped(entry.key) + "\":"
      if let keys = entry.value.mapValue {
        text += "{"
        for (keyIndex, condition) in keys.entries.sorted(by: { $0.key < $1.key }).enumerated() {
          if keyIndex > 0 { text += "," }
          text += "\"" + escaped(condition.key) + "\":"
          writeSet(PolicyDocumentShape.elements(condition.value), inPolicy: true, to: &text)
        }
        text += "}"
      } else {
        write(entry.value, inPolicy: true, key: nil, to: &text)
      }
    }
    text += "}"
  }

  private static func writeSet(_ elements: [Value], inPolicy: Bool, to text: inout String) {
    let parts = Set(elements.map { of($0, inPolicy: inPolicy) }).sorted()
    text += "<"
    text += parts.joined(separator: ",")
    text += ">"
  }

  private static func writeIntrinsic(_ function: Intrinsic, inPolicy: Bool, to text: inout String) {
    text += function.name
    text += "("
    switch function {
    case .ref(let name): text += escaped(name)
    case .getAtt(let resource, let attribute): text += escaped(resource) + "." + escaped(attribute)
    case .condition(let name): text += escaped(name)
    case .sub(let sub):
      text += "\"" + escaped(sub.template) + "\""
      if let variables = sub.variables, !variables.isEmpty {
        text += ","
        write(.map(variables), inPolicy: inPolicy, key: nil, to: &text)
      }
    case .join(let delimiter, _): text += "\"" + escaped(delimiter) + "\","
    case .split(let delimiter, _): text += "\"" + escaped(delimiter) + "\","
    case .if(let condition, _, _): text += escaped(condition) + ","
    default: break
    }
    switch function {
    case .sub: break
    default:
      for (index, argument) in function.arguments.enumerated() {
        if index > 0 { text += "," }
        write(argument, inPolicy: inPolicy, key: nil, to: &text)
      }
    }
    text += ")"
  }

  private static func escaped(_ text: String) -> String {
    guard text.contains(where: { $0 == "\"" || $0 == "\\" || $0 == "," || $0 == "<" || $0 == ">" })
    else { return text }
    var result = ""
    for character in text {
      if character == "\"" || character == "\\" || character == "," || character == "<"
        || character == ">"
      {
        result.append("\\")
      }
      result.append(character)
    }
    return result
  }
}

extension Value {
  /// `true` when the value contains an intrinsic function anywhere: its final value is only
  /// known to CloudFormation at deploy time.
  var containsIntrinsic: Bool {
    var found = false
    forEachDescendant { if case .intrinsic = $0.kind { found = true } }
    return found
  }
}
