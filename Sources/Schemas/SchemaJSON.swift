/// One value of the shipped schema data's JSON, read by a parser of its own.
///
/// A template's check parses the schema of each type it uses when it first meets it, on the
/// path every `validate` waits for; Foundation's `JSONSerialization` and the casts from `Any`
/// after it cost more than validating the properties did. The data is written by our own
/// script, but the parser reads any JSON and answers `nil` for what is not.
enum SchemaJSON: Sendable {
  case object([(key: String, value: SchemaJSON)])
  case array([SchemaJSON])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  /// The value of `bytes`, which must hold exactly one JSON value; `nil` for anything else.
  static func parse(_ bytes: UnsafeRawBufferPointer) -> SchemaJSON? {
    var parser = Parser(bytes: bytes)
    guard let value = parser.value(depth: 0) else { return nil }
    parser.skipSpace()
    return parser.position == bytes.count ? value : nil
  }

  /// The member named `key` of an object.
  subscript(key: String) -> SchemaJSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  var string: String? {
    if case .string(let text) = self { text } else { nil }
  }

  /// A number without a fraction.
  var int: Int? {
    if case .number(let number) = self { Int(exactly: number) } else { nil }
  }

  var double: Double? {
    if case .number(let number) = self { number } else { nil }
  }

  var array: [SchemaJSON]? {
    if case .array(let items) = self { items } else { nil }
  }

  var members: [(key: String, value: SchemaJSON)]? {
    if case .object(let members) = self { members } else { nil }
  }

  /// An array of strings; `nil` when any element is not one.
  var strings: [String]? {
    guard let items = array else { return nil }
    var result: [String] = []
    result.reserveCapacity(items.count)
    for item in items {
      guard let text = item.string else { return nil }
      result.append(text)
    }
    return result
  }
}

extension SchemaJSON {
  private struct Parser {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    /// Deeper than any schema nests (they refer to shared nodes by number).
    static let maxDepth = 64

    mutating func skipSpace() {
      while position < bytes.count {
        switch bytes[position] {
        case 0x20, 0x0A, 0x0D, 0x09: position += 1
        default: return
        }
      }
    }

    mutating func value(depth: Int) -> SchemaJSON? {
      guard depth < Self.maxDepth else { return nil }
      skipSpace()
      guard position < bytes.count else { return nil }
      switch bytes[position] {
      case UInt8(ascii: "{"): return object(depth: depth)
      case UInt8(ascii: "["): return array(depth: depth)
      case UInt8(ascii: "\""): return string().map(SchemaJSON.string)
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      default: return number()
      }
    }

    mutating func object(depth: Int) -> SchemaJSON? {
      position += 1
      var members: [(key: String, value: SchemaJSON)] = []
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string()
        else { return nil }
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        guard let member = value(depth: depth + 1) else { return nil }
        members.append((key, member))
        skipSpace()
        guard position < bytes.count else { return nil }
        position += 1
        switch bytes[position - 1] {
        case UInt8(ascii: ","): continue
        case UInt8(ascii: "}"): return .object(members)
        default: return nil
        }
      }
    }

    mutating func array(depth: Int) -> SchemaJSON? {
      position += 1
      var items: [SchemaJSON] = []
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      while true {
        guard let item = value(depth: depth + 1) else { return nil }
        items.append(item)
        skipSpace()
        guard position < bytes.count else { return nil }
        position += 1
        switch bytes[position - 1] {
        case UInt8(ascii: ","): continue
        case UInt8(ascii: "]"): return .array(items)
        default: return nil
        }
      }
    }

    /// A string from its opening quote; the text between escapes is copied as it is.
    mutating func string() -> String? {
      position += 1
      var scalars = String.UnicodeScalarView()
      var runStart = position
      func flush(_ end: Int, into result: inout String.UnicodeScalarView) -> Bool {
        guard end > runStart else { return true }
        guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)
        else { return false }
        result.append(contentsOf: text.unicodeScalars)
        return true
      }
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          guard flush(position, into: &scalars) else { return nil }
          position += 1
          return String(scalars)
        }
        guard byte == UInt8(ascii: "\\") else {
          guard byte >= 0x20 else { return nil }
          position += 1
          continue
        }
        guard flush(position, into: &scalars), position + 1 < bytes.count else { return nil }
        let escaped = bytes[position + 1]
        position += 2
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
          scalars.append(Unicode.Scalar(escaped))
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          guard let scalar = unicodeEscape() else { return nil }
          scalars.append(scalar)
        default: return nil
        }
        runStart = position
      }
      return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
    mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let high = hex4() else { return nil }
      guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
      guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
        bytes[position + 1] == UInt8(ascii: "u")
      else { return nil }
      position += 2
      guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
      return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    mutating func hex4() -> UInt32? {
      guard position + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let digit = Self.hexDigit(bytes[position]) else { return nil }
        value = value << 4 | digit
        position += 1
      }
      return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt32? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
      default: nil
      }
    }

    mutating func literal(_ word: StaticString, _ value: SchemaJSON) -> SchemaJSON? {
      let count = word.utf8CodeUnitCount
      guard position + count <= bytes.count else { return nil }
      for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
        return nil
      }
      position += count
      return value
    }

    mutating func number() -> SchemaJSON? {
      let start = position
      scan: while position < bytes.count {
        switch bytes[position] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
          UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
          position += 1
        default: break scan
        }
      }
      guard position > start,
        let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self),
        let number = Double(text)
      else { return nil }
      return .number(number)
    }
  }
}
