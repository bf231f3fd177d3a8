import Template

/// Values written the way a person reads a template: short-form intrinsics (`!Ref X`,
/// `!GetAtt A.Arn`), flow lists and mappings, long values cut with an ellipsis.
enum ValueText {
  static func inline(_ value: Value, limit: Int = 160) -> String {
    var text = ""
    write(value, to: &text, limit: limit)
    if text.count > limit { return String(text.prefix(limit - 1)) + "…" }
    return text
  }

  /// Whether enough has been written to fill `limit` characters: counted in UTF-8 bytes (four
  /// per character at most for the scalars met in templates), which a string knows without
  /// walking it, so a list of a hundred thousand values after a long one stops at once.
  private static func isFull(_ text: String, limit: Int) -> Bool {
    text.utf8.count > 4 * limit
  }

  private static func write(_ value: Value, to text: inout String, limit: Int) {
    if isFull(text, limit: limit) { return }
    switch value.kind {
    case .string(let string): text += scalar(string)
    case .number(let number): text += number.literal
    case .bool(let bool): text += bool ? "true" : "false"
    case .null: text += "null"
    case .list(let list):
      text += "["
      for (index, element) in list.enumerated() {
        if isFull(text, limit: limit) { break }
        if index > 0 { text += ", " }
        write(element, to: &text, limit: limit)
      }
      text += "]"
    case .map(let map):
      text += "{"
      for (index, entry) in map.entries.enumerated() {
        if isFull(text, limit: limit) { break }
        if index > 0 { text += ", " }
        text += entry.key + ": "
        write(entry.value, to: &text, limit: limit)
      }
      text += "}"
    case .intrinsic(let function):
      switch function {
      case .ref(let name): text += "!Ref " + name
      case .getAtt(let resource, let attribute): text += "!GetAtt \(resource).\(attribute)"
      case .condition(let name): text += "!Condition " + name
      case .sub(let sub):
        text += "!Sub " + scalar(sub.template)
        if let variables = sub.variables, !variables.isEmpty {
          text += " "
          write(.map(variables), to: &text, limit: limit)
        }
      default:
        text += "!" + function.name.replacingOccurrences(of: "Fn::", with: "") + " "
        var arguments: [Value] = []
        switch function {
        case .join(let delimiter, let values): arguments = [.string(delimiter), values]
        case .split(let delimiter, let source): arguments = [.string(delimiter), source]
        case .if(let condition, let then, let otherwise):
          arguments = [.string(condition), then, otherwise]
        default: arguments = function.arguments
        }
        write(arguments.count == 1 ? arguments[0] : .list(arguments), to: &text, limit: limit)
      }
    }
  }

  /// A string bare when it reads back as the same string, else double-quoted.
  static func scalar(_ string: String) -> String {
    let plain =
      !string.isEmpty && !string.contains(where: { "\n\"',[]{}#&*!|>%@`".contains($0) })
      && string.first != " " && string.last != " " && !string.hasPrefix("- ")
      && !string.contains(": ")
      && Double(string) == nil
      && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(string.lowercased())
    if plain { return string }
    var escaped = ""
    for character in string {
      switch character {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      default: escaped.append(character)
      }
    }
    return "\"" + escaped + "\""
  }
}
