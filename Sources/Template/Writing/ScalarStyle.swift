/// How the YAML writer spells a string: plain, quoted, or as a literal block.
///
/// libyaml checks YAML *syntax* (it will not write `a: b` plain), but not *meaning*: it
/// happily writes `yes`, `012` or `2010-09-09` plain, and a YAML 1.1 reader (PyYAML,
/// cfn-lint, many CI tools) then sees a boolean, an octal number or a date. This type makes
/// that decision, conservatively: a string is plain only when neither a YAML 1.1 nor a YAML
/// 1.2 reader could take it for anything but that string. libyaml may still upgrade the
/// requested style (a tab or control character forces double quotes; a flow context or a
/// mapping key rules out literal blocks), which is always safe.
///
/// The checks run over the UTF-8 bytes in one pass, without allocating: the writer asks for
/// every string and key of a template.
enum ScalarStyle: Equatable {
  case plain
  /// `'text'`: preferred when quoting is needed, since nothing inside is an escape.
  case singleQuoted
  /// `"text"`, with escapes: for strings no other style can hold exactly.
  case doubleQuoted
  /// `|`: multi-line text, such as scripts and policies in `Fn::Sub`.
  case literal

  /// The style for a string value.
  static func of(_ string: String) -> ScalarStyle {
    var string = string
    return string.withUTF8 { of(bytes: $0) }
  }

  /// The style for a mapping key: as for values, but multi-line keys are double-quoted,
  /// never literal blocks.
  static func ofKey(_ string: String) -> ScalarStyle {
    let style = of(string)
    return style == .literal ? .doubleQuoted : style
  }

  static func of(bytes: UnsafeBufferPointer<UInt8>) -> ScalarStyle {
    guard !bytes.isEmpty else { return .singleQuoted }
    var newlines = 0
    var syntax = false
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in bytes {
      switch byte {
      case newline:
        newlines += 1
      case UInt8(ascii: "\r"):
        // Readers normalise carriage returns and the Unicode line breaks (NEL C2 85,
        // LS E2 80 A8, PS E2 80 A9) to `\n` outside double quotes.
        return .doubleQuoted
      case 0x85 where previous == 0xC2:
        return .doubleQuoted
      case 0xA8 where previous == 0x80 && beforePrevious == 0xE2,
        0xA9 where previous == 0x80 && beforePrevious == 0xE2:
        return .doubleQuoted
      case hash where isBlank(previous):
        syntax = true
      case space where previous == colon, tab where previous == colon:
        syntax = true
      default:
        break
      }
      beforePrevious = previous
      previous = byte
    }
    if newlines > 0 {
      // Without the `|+` keep indicator a literal block holds at most one final newline,
      // and libyaml follows `|+` with a `...` document end marker: such text, and text that
      // is nothing but newlines, is double-quoted instead.
      let trailing = trailingNewlines(bytes)
      return trailing > 1 || trailing == bytes.count ? .doubleQuoted : .literal
    }
    if syntax || breaksPlainSyntaxAtEnds(bytes) || resolvesToNonString(bytes) {
      return .singleQuoted
    }
    return .plain
  }

  /// True when a plain scalar with this text would be misread or would not parse.
  static func needsQuotes(_ string: String) -> Bool {
    of(string) != .plain
  }

  /// True when a YAML 1.1 or 1.2 reader resolves this plain text to a boolean, null,
  /// number, date, merge key or value key.
  static func resolvesToNonString(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first else { return true }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), dot:
      return looksNumeric(bytes) || looksLikeDate(bytes)
    case UInt8(ascii: "~"):
      return bytes.count == 1
    case UInt8(ascii: "<"):
      return bytes.count == 2 && bytes[1] == UInt8(ascii: "<")
    case UInt8(ascii: "="):
      return bytes.count == 1
    default:
      guard bytes.count <= 5 else { return false }
      return keywords.contains(String(decoding: bytes, as: UTF8.self).lowercased())
    }
  }

  /// Words that YAML 1.1 resolves to booleans and YAML 1.1 and 1.2 to null, compared
  /// lower-cased (`YES`, `Off` and `NULL` included; quoting an odd capitalisation costs nothing).
  private static let keywords: Set<String> = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null",
  ]

  /// True when the text is a number in YAML 1.1 or 1.2: decimal, `0x`/`0o`/`0b`, old-style
  /// octal `012`, underscores (`1_000`), sexagesimal (`190:20:30`), floats (`1e3`, `.5`, `1.`),
  /// `.inf` and `.nan`, with an optional sign.
  static func looksNumeric(_ string: String) -> Bool {
    var string = string
    return string.withUTF8 { looksNumeric($0) }
  }

  static func looksNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var body = bytes[...]
    if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      body = body.dropFirst()
    }
    guard let first = body.first else { return false }
    if body.count == 4, first == dot {
      let word = String(decoding: body, as: UTF8.self).lowercased()
      if word == ".inf" || word == ".nan" { return true }
    }
    if body.count > 2, first == UInt8(ascii: "0") {
      let rest = body.dropFirst(2)
      switch body[body.startIndex + 1] {
      case UInt8(ascii: "x"), UInt8(ascii: "X"):
        return rest.allSatisfy { isHexDigit($0) || $0 == underscore }
      case UInt8(ascii: "o"), UInt8(ascii: "O"):
        return rest.allSatisfy { isOctalDigit($0) || $0 == underscore }
      case UInt8(ascii: "b"), UInt8(ascii: "B"):
        return rest.allSatisfy { isBinaryDigit($0) || $0 == underscore }
      default: break
      }
    }
    if body.contains(colon) {
      // YAML 1.1 sexagesimal: 190:20:30, 12:30, 1:30.5
      return isDigit(first)
        && body.allSatisfy { isDigit($0) || $0 == underscore || $0 == colon || $0 == dot }
    }
    return isDecimal(body)
  }

  /// `[0-9_]+(.[0-9_]*)?` or `.[0-9_]+`, with at least one digit, then an optional exponent.
  private static func isDecimal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var index = bytes.startIndex
    var digits = 0
    var sawDot = false
    while index < bytes.endIndex {
      let byte = bytes[index]
      if isDigit(byte) {
        digits += 1
      } else if byte == underscore {
        // allowed between digits in YAML 1.1
      } else if byte == dot, !sawDot {
        sawDot = true
      } else {
        break
      }
      index += 1
    }
    guard digits > 0 else { return false }
    if index == bytes.endIndex { return true }
    guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else {
      return false
    }
    index += 1
    if index < bytes.endIndex,
      bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
    {
      index += 1
    }
    guard index < bytes.endIndex else { return false }
    return bytes[index...].allSatisfy(isDigit)
  }

  /// A YAML 1.1 date or timestamp starts `YYYY-M-D` (`2010-09-09`,
  /// `2001-12-14t21:59:43.10-05:00`); any text starting that way is quoted.
  static func looksLikeDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    func digits(_ minimum: Int, _ maximum: Int) -> Bool {
      var count = 0
      while index < bytes.count, isDigit(bytes[index]), count < maximum {
        index += 1
        count += 1
      }
      return count >= minimum
    }
    func dash() -> Bool {
      guard index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return false }
      index += 1
      return true
    }
    return digits(4, 4) && dash() && digits(1, 2) && dash() && digits(1, 2)
  }

  /// The checks of plain-scalar syntax that look at the ends of the text: blanks at either
  /// end, an indicator first (`@`, `` ` ``, `*`, `&`, `!`, `%`, `|`, `>`, quotes, `#`, flow
  /// brackets, `,`, `?`, `:`, `- `), a final `:`, or a document marker (`---`, `...`).
  /// `: ` and ` #` inside the text are found by the pass in `of(bytes:)`.
  private static func breaksPlainSyntaxAtEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return true }
    if isBlank(first) || isBlank(last) || last == colon { return true }
    switch first {
    case UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "&"),
      UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "|"), UInt8(ascii: ">"),
      UInt8(ascii: "'"), UInt8(ascii: "\""), hash, UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: "?"), colon:
      return true
    case UInt8(ascii: "-"):
      if bytes.count == 1 || isBlank(bytes[1]) { return true }
      return bytes.count >= 3 && bytes[1] == UInt8(ascii: "-") && bytes[2] == UInt8(ascii: "-")
    case dot:
      return bytes.count >= 3 && bytes[1] == dot && bytes[2] == dot
    default:
      return false
    }
  }

  private static func trailingNewlines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes.reversed() {
      guard byte == newline else { break }
      count += 1
    }
    return count
  }

  private static let newline = UInt8(ascii: "\n")
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  private static let hash = UInt8(ascii: "#")
  private static let underscore = UInt8(ascii: "_")
  private static let colon = UInt8(ascii: ":")
  private static let dot = UInt8(ascii: ".")

  private static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }
  private static func isBinaryDigit(_ byte: UInt8) -> Bool { byte == 0x30 || byte == 0x31 }
  private static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
  }
}
