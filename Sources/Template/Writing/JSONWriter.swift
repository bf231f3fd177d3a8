/// Writes a `Value` as JSON: two-space indentation, keys in model order, intrinsic functions
/// in their long form (`{"Fn::GetAtt": ["A", "B"]}`), non-ASCII text kept as UTF-8.
///
/// Numbers are written as their literal when it is a valid JSON number. A YAML literal that
/// JSON cannot spell (`012`, `.5`, `0x1F`, `1_000`, `.inf`) is written as a JSON string with
/// the exact literal (`"012"`): CloudFormation accepts strings wherever it accepts numbers,
/// and the characters the author typed reach it unchanged, where rewriting `012` as `12`
/// (YAML 1.2) or `10` (YAML 1.1 octal) would guess. Such a value reads back from the JSON as
/// a string, so it is the one case where YAML and JSON outputs do not read back equal.
struct JSONWriter {
  private var bytes: [UInt8] = []
  /// On one line, without spaces: the text `Fn::ToJsonString` gives.
  private var compact = false

  /// `value` as JSON on one line without spaces (`{"a":[1,"b"]}`), as `Fn::ToJsonString` writes it.
  static func compact(_ value: Value) -> String {
    var writer = JSONWriter()
    writer.compact = true
    writer.write(value, indent: 0)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// The JSON document for `value`, ending with a newline.
  static func document(_ value: Value) -> [UInt8] {
    var writer = JSONWriter()
    writer.bytes.reserveCapacity(4096)
    writer.write(value, indent: 0)
    writer.bytes.append(0x0A)
    return writer.bytes
  }

  private mutating func write(_ value: Value, indent: Int) {
    switch value.kind {
    case .string(let string):
      writeString(string)
    case .number(let number):
      if Self.isJSONNumber(number.literal) {
        bytes.append(contentsOf: number.literal.utf8)
      } else {
        writeString(number.literal)
      }
    case .bool(let bool):
      bytes.append(contentsOf: (bool ? "true" : "false").utf8)
    case .null:
      bytes.append(contentsOf: "null".utf8)
    case .list(let items):
      guard !items.isEmpty else { return bytes.append(contentsOf: "[]".utf8) }
      bytes.append(UInt8(ascii: "["))
      for (offset, item) in items.enumerated() {
        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
        newline(indent + 1)
        write(item, indent: indent + 1)
      }
      newline(indent)
      bytes.append(UInt8(ascii: "]"))
    case .map(let map):
      writeObject(map.entries.lazy.map { ($0.key, $0.value) }, isEmpty: map.isEmpty, indent: indent)
    case .intrinsic(let function):
      writeObject(
        CollectionOfOne((function.name, function.longFormArgument)), isEmpty: false, indent: indent)
    }
  }

  private mutating func writeObject<Pairs: Sequence<(String, Value)>>(
    _ pairs: Pairs, isEmpty: Bool, indent: Int
  ) {
    guard !isEmpty else { return bytes.append(contentsOf: "{}".utf8) }
    bytes.append(UInt8(ascii: "{"))
    var first = true
    for (key, value) in pairs {
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      newline(indent + 1)
      writeString(key)
      bytes.append(contentsOf: compact ? ":".utf8 : ": ".utf8)
      write(value, indent: indent + 1)
    }
    newline(indent)
    bytes.append(UInt8(ascii: "}"))
  }

  private mutating func newline(_ indent: Int) {
    if compact { return }
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: indent * 2))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// A JSON string: `"` and `\` escaped, control characters (C0, DEL and C1) as `\n`, `\t`,
  /// ... or `\u00XX`, everything else (including non-ASCII) as UTF-8. Escaping DEL and C1 is
  /// optional in JSON but keeps the output readable by YAML 1.2 parsers, which reject them raw.
  private mutating func writeString(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var runStart = 0
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        let escapeLength: Int
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F {
          escapeLength = 1
        } else if byte == 0xC2, index + 1 < utf8.count, utf8[index + 1] < 0xA0 {
          escapeLength = 2
        } else {
          index += 1
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        let scalar = escapeLength == 1 ? byte : utf8[index + 1]
        switch scalar {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default:
          bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
          bytes.append(Self.hexDigits[Int(scalar >> 4)])
          bytes.append(Self.hexDigits[Int(scalar & 0x0F)])
        }
        index += escapeLength
        runStart = index
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// RFC 8259's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
  static func isJSONNumber(_ literal: String) -> Bool {
    let bytes = Array(literal.utf8)
    var index = 0
    func digits() -> Int {
      let start = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      return index - start
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count else { return false }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      return false
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { return false }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { return false }
    }
    return index == bytes.count
  }
}
