/// Reads a JSON document into a `Value`, with the line and column of every node.
///
/// Hand-written because Foundation's parser forgets locations. It is a loop over a small
/// state machine with `ValueBuilder`'s explicit stack (never recursion), strict RFC 8259:
/// trailing commas, comments, control characters in strings and lone surrogates are errors
/// with a sentence that names the problem, because CloudFormation rejects them too.
struct JSONReader {
  private let input: UnsafeBufferPointer<UInt8>
  private let file: String
  /// `file`, interned once: every location of the read shares it.
  private let fileID: UInt32
  private var builder: ValueBuilder
  /// Repeated long strings (property names, types) made once and shared.
  private let strings = StringTable()
  private var position = 0
  private var line = 1
  private var lineStart = 0
  /// The last computed column, so columns cost amortized O(1) even on a 4 MB one-line file.
  private var columnOffset = 0
  private var columnValue = 1

  private enum State {
    /// A value (document start, after `:`).
    case value
    /// Just after `[`: a value or `]`.
    case valueOrEnd
    /// After `,` in a list.
    case valueAfterComma
    /// Just after `{`: a key or `}`.
    case keyOrEnd
    /// After `,` in an object.
    case keyAfterComma
    case colon
    case commaOrEnd
    case done
  }

  init(_ input: UnsafeBufferPointer<UInt8>, file: String, limits: ReadingLimits) {
    self.input = input
    self.file = file
    self.fileID = SourceFiles.shared.id(of: file)
    self.builder = ValueBuilder(maxDepth: limits.maxDepth)
  }

  mutating func read() throws(TemplateError) -> Value {
    var state = State.value
    var lastComma = 0
    while true {
      try skipWhitespace()
      guard position < input.count else { break }
      let byte = input[position]
      switch state {
      case .value, .valueOrEnd, .valueAfterComma:
        if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
          if state == .valueOrEnd && byte == UInt8(ascii: "]") {
            position += 1
            try builder.close()
            state = afterValue
            continue
          }
          if state == .valueAfterComma {
            throw error("a trailing comma is not allowed in JSON; remove it", at: lastComma)
          }
        }
        try readValue(&state)
      case .keyOrEnd, .keyAfterComma:
        if byte == UInt8(ascii: "\"") {
          let at = location(at: position)
          let key = try readString()
          try builder.key(key, at: at)
          state = .colon
        } else if byte == UInt8(ascii: "}") {
          if state == .keyAfterComma {
            throw error("a trailing comma is not allowed in JSON; remove it", at: lastComma)
          }
          position += 1
          try builder.close()
          state = afterValue
        } else if byte == UInt8(ascii: "'") {
          throw error("JSON strings use double quotes, not single quotes", at: position)
        } else {
          throw error(
            "expected a key in double quotes\(state == .keyOrEnd ? " or '}'" : ""), found \(describe(byte))",
            at: position)
        }
      case .colon:
        guard byte == UInt8(ascii: ":") else {
          throw error("expected ':' after the key, found \(describe(byte))", at: position)
        }
        position += 1
        state = .value
      case .commaOrEnd:
        let inMapping = builder.isInMapping
        if byte == UInt8(ascii: ",") {
          lastComma = position
          position += 1
          state = inMapping ? .keyAfterComma : .valueAfterComma
        } else if byte == (inMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
          position += 1
          try builder.close()
          state = afterValue
        } else {
          let expected = inMapping ? "',' or '}'" : "',' or ']'"
          throw error("expected \(expected), found \(describe(byte))", at: position)
        }
      case .done:
        throw error("unexpected \(describe(byte)) after the end of the JSON document", at: position)
      }
    }
    if state == .done, let root = builder.root { return root }
    if builder.depth == 0 {
      throw TemplateError(
        .emptyDocument,
        "the file has no JSON document; a template needs at least a Resources section",
        at: SourceLocation(file: file, line: 1, column: 1))
    }
    let open =
      builder.innermostLocation.map {
        " (the \(builder.isInMapping ? "'{'" : "'['") at line \($0.line), column \($0.column) is never closed)"
      } ?? ""
    throw error("the file ends in the middle of the JSON document\(open)", at: position)
  }

  private var afterValue: State { builder.depth == 0 ? .done : .commaOrEnd }

  private mutating func readValue(_ state: inout State) throws(TemplateError) {
    let start = position
    let at = location(at: start)
    let byte = input[position]
    switch byte {
    case UInt8(ascii: "{"):
      position += 1
      try builder.open(mapping: true, at: at)
      state = .keyOrEnd
      return
    case UInt8(ascii: "["):
      position += 1
      try builder.open(mapping: false, at: at)
      state = .valueOrEnd
      return
    case UInt8(ascii: "\""):
      builder.add(Value(.string(try readString()), at: at))
    case UInt8(ascii: "t"):
      try readWord("true")
      builder.add(Value(.bool(true), at: at))
    case UInt8(ascii: "f"):
      try readWord("false")
      builder.add(Value(.bool(false), at: at))
    case UInt8(ascii: "n"):
      try readWord("null")
      builder.add(Value(.null, at: at))
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      builder.add(Value(.number(Number(literal: try readNumber())), at: at))
    case UInt8(ascii: "'"):
      throw error("JSON strings use double quotes, not single quotes", at: start)
    default:
      if isIdentifier(byte) { try readWord("") }
      throw error("expected a value, found \(describe(byte))", at: start)
    }
    state = afterValue
  }

  private mutating func readWord(_ word: StaticString) throws(TemplateError) {
    let start = position
    let length = word.utf8CodeUnitCount
    let matches =
      position + length <= input.count
      && (0..<length).allSatisfy { input[position + $0] == word.utf8Start[$0] }
      && (position + length == input.count || !isIdentifier(input[position + length]))
    guard matches else {
      var end = position
      while end < input.count, isIdentifier(input[end]), end - position < 20 { end += 1 }
      let found = String(
        decoding: UnsafeBufferPointer(rebasing: input[position..<max(end, position + 1)]),
        as: UTF8.self)
      throw error("expected a value, found '\(found)'; JSON strings need double quotes", at: start)
    }
    position += length
  }

  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as its literal.
  private mutating func readNumber() throws(TemplateError) -> String {
    let start = position
    func digits() -> Int {
      let from = position
      while position < input.count, input[position] &- UInt8(ascii: "0") < 10 { position += 1 }
      return position - from
    }
    if input[position] == UInt8(ascii: "-") { position += 1 }
    let integerStart = position
    let integerDigits = digits()
    guard integerDigits > 0 else { throw error("a number needs a digit after '-'", at: start) }
    if integerDigits > 1 && input[integerStart] == UInt8(ascii: "0") {
      throw error(
        "a JSON number cannot have leading zeros; write it as a string if the zeros matter",
        at: start)
    }
    if position < input.count, input[position] == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else {
        throw error("a number needs digits after its decimal point", at: start)
      }
    }
    if position < input.count,
      input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E")
    {
      position += 1
      if position < input.count,
        input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard digits() > 0 else { throw error("a number needs digits in its exponent", at: start) }
    }
    if position < input.count, isIdentifier(input[position]) {
      throw error("invalid number; write it as a string", at: start)
    }
    return String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
  }

  /// A string starting at the opening quote. Strings without escapes are one copy.
  private mutating func readString() throws(TemplateError) -> String {
    let start = position
    position += 1
    let contentStart = position
    while position < input.count {
      let byte = input[position]
      if byte == UInt8(ascii: "\"") {
        let text = strings.string(UnsafeBufferPointer(rebasing: input[contentStart..<position]))
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw controlCharacter(byte, stringStart: start) }
      position += 1
    }
    guard position < input.count else {
      throw error("this string is never closed; a closing '\"' is missing", at: start)
    }
    var bytes = Array(input[contentStart..<position])
    while position < input.count {
      let byte = input[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: bytes, as: UTF8.self)
      }
      if byte < 0x20 { throw controlCharacter(byte, stringStart: start) }
      guard byte == UInt8(ascii: "\\") else {
        bytes.append(byte)
        position += 1
        continue
      }
      let escapeStart = position
      position += 1
      guard position < input.count else { break }
      let escaped = input[position]
      position += 1
      switch escaped {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "f"): bytes.append(0x0C)
      case UInt8(ascii: "n"): bytes.append(0x0A)
      case UInt8(ascii: "r"): bytes.append(0x0D)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try readHex4(escapeStart)
        if (0xD800...0xDBFF).contains(scalar) {
          guard position + 1 < input.count, input[position] == UInt8(ascii: "\\"),
            input[position + 1] == UInt8(ascii: "u")
          else {
            throw error(
              "the escape \\u\(hex(scalar)) is a lone high surrogate; it must be followed by a low surrogate \\uDC00-\\uDFFF",
              at: escapeStart)
          }
          let lowStart = position
          position += 2
          let low = try readHex4(lowStart)
          guard (0xDC00...0xDFFF).contains(low) else {
            throw error(
              "the escape \\u\(hex(scalar)) is a high surrogate followed by \\u\(hex(low)), which is not a low surrogate",
              at: escapeStart)
          }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw error("the escape \\u\(hex(scalar)) is a lone low surrogate", at: escapeStart)
        }
        guard let unicode = Unicode.Scalar(scalar) else {
          throw error("the escape \\u\(hex(scalar)) is not a Unicode character", at: escapeStart)
        }
        bytes.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
      default:
        throw error(
          "'\\\(String(decoding: [escaped], as: UTF8.self))' is not a JSON escape; use \\\\ for a backslash",
          at: escapeStart)
      }
    }
    throw error("this string is never closed; a closing '\"' is missing", at: start)
  }

  /// Four hex digits after `\u`; `escapeStart` is the backslash, for the message.
  private mutating func readHex4(_ escapeStart: Int) throws(TemplateError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < input.count, let digit = hexValue(input[position]) else {
        throw error("\\u must be followed by four hexadecimal digits", at: escapeStart)
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private mutating func controlCharacter(_ byte: UInt8, stringStart: Int) -> TemplateError {
    if byte == 0x0A || byte == 0x0D {
      return error(
        "this string runs past the end of its line; close it with '\"' or write the line break as \\n",
        at: stringStart)
    }
    return error(
      "a string cannot contain \(describe(byte)) unescaped; write it as an escape such as \\t or \\u0001",
      at: position)
  }

  /// Skips spaces, tabs and line breaks, counting lines; a `/` that starts a comment is an error.
  private mutating func skipWhitespace() throws(TemplateError) {
    while position < input.count {
      switch input[position] {
      case 0x20, 0x09:
        position += 1
      case 0x0A:
        position += 1
        line += 1
        lineStart = position
      case 0x0D:
        position += 1
        if position < input.count, input[position] == 0x0A { continue }
        line += 1
        lineStart = position
      case UInt8(ascii: "/"):
        if position + 1 < input.count,
          input[position + 1] == UInt8(ascii: "/") || input[position + 1] == UInt8(ascii: "*")
        {
          throw error(
            "comments are not allowed in JSON; remove it or move it to a Description or Metadata",
            at: position)
        }
        return
      default:
        return
      }
    }
  }

  private func isIdentifier(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), 0x80...0xFF:
      return true
    default: return false
    }
  }

  private func describe(_ byte: UInt8) -> String {
    switch byte {
    case 0x20...0x7E: return "'\(String(decoding: [byte], as: UTF8.self))'"
    case 0x09: return "a tab"
    default:
      let digits = String(byte, radix: 16, uppercase: true)
      return "the byte 0x\(digits.count == 1 ? "0" : "")\(digits)"
    }
  }

  /// The location of a byte on the current line (or, for an earlier offset, recomputed).
  private mutating func location(at offset: Int) -> SourceLocation {
    if offset < lineStart || offset < columnOffset || columnOffset < lineStart {
      if offset < lineStart { return SourceText.location(ofByte: offset, in: input, file: file) }
      columnOffset = lineStart
      columnValue = 1
    }
    var i = columnOffset
    var column = columnValue
    while i < offset {
      if input[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    columnOffset = offset
    columnValue = column
    return SourceLocation(fileID: fileID, line: line, column: column)
  }

  private mutating func error(_ message: String, at offset: Int) -> TemplateError {
    TemplateError(.jsonSyntax, message, at: location(at: offset))
  }
}
