/// The bounds every reader enforces, so that no input can exhaust the stack, the memory or the time.
struct ReadingLimits: Sendable {
  /// Deepest nesting of lists and mappings. Real templates stay under 30.
  var maxDepth = 512
  /// Nodes that YAML aliases may expand to in total. Aliases share storage while reading, but
  /// every later walk over the tree pays for each expansion: a "billion laughs" file must stop here.
  var aliasExpansion = 100_000
  /// Largest file read at all, 64 MiB: 64 times CloudFormation's own limit.
  var maxBytes = 64 << 20

  static let standard = ReadingLimits()
}

extension Value {
  /// Parses a YAML or JSON document into a value tree with intrinsic functions decoded and
  /// every node located. Throws, never traps, on any input.
  ///
  /// A UTF-8 byte order mark is skipped; any other invalid UTF-8 is an error with the location
  /// of the first bad byte, before either parser runs.
  public static func parse(_ bytes: [UInt8], file: String, format: TemplateFormat)
    throws(TemplateError) -> Value
  {
    try parse(bytes, file: file, format: format, limits: .standard)
  }

  static func parse(_ bytes: [UInt8], file: String, format: TemplateFormat, limits: ReadingLimits)
    throws(TemplateError) -> Value
  {
    guard bytes.count <= limits.maxBytes else {
      throw TemplateFile.tooLarge(
        bytes.count, limits: limits, at: SourceLocation(file: file, line: 1, column: 1))
    }
    let result: Result<Value, TemplateError> = bytes.withUnsafeBufferPointer { whole in
      let input = SourceText.withoutByteOrderMark(whole)
      do throws(TemplateError) {
        try SourceText.validateUTF8(input, file: file)
        if input.isEmpty {
          throw TemplateError(
            .emptyDocument, "the file is empty; a template needs at least a Resources section",
            at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch format {
        case .yaml: return .success(try YAMLReader(file: file, limits: limits).read(input))
        case .json:
          var reader = JSONReader(input, file: file, limits: limits)
          return .success(try reader.read())
        }
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}

/// Byte-level helpers over the source text: UTF-8 validation and turning offsets into locations.
///
/// Columns count characters (Unicode scalars), not bytes, the way libyaml counts them, so a
/// YAML and a JSON location agree on the same line.
enum SourceText {
  /// The text of a file: what follows its UTF-8 byte order mark, when it has one.
  static func withoutByteOrderMark(_ whole: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<
    UInt8
  > {
    UnsafeBufferPointer(rebasing: whole[(whole.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)...])
  }

  /// Throws `invalidEncoding` at the first byte that is not valid UTF-8. ASCII runs are
  /// checked 32 bytes at a time, then eight.
  static func validateUTF8(_ input: UnsafeBufferPointer<UInt8>, file: String) throws(TemplateError)
  {
    let count = input.count
    guard let base = input.baseAddress else { return }
    var i = 0
    while i < count {
      if i + 32 <= count {
        let raw = UnsafeRawPointer(base + i)
        let words =
          raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
          | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
          | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        if words & 0x8080_8080_8080_8080 == 0 {
          i += 32
          continue
        }
      }
      if i + 8 <= count {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      let lead = base[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: throw invalid(input, at: i, file: file)
      }
      guard i + length <= count else { throw invalid(input, at: i, file: file) }
      let second = base[i + 1]
      guard second >= lower, second <= upper else { throw invalid(input, at: i, file: file) }
      for k in 2..<max(2, length) where base[i + k] & 0xC0 != 0x80 {
        throw invalid(input, at: i, file: file)
      }
      i += length
    }
  }

  private static func invalid(_ input: UnsafeBufferPointer<UInt8>, at offset: Int, file: String)
    -> TemplateError
  {
    let byte = String(input[offset], radix: 16, uppercase: true)
    if offset == 0, input.count >= 2,
      input[0] == 0xFF && input[1] == 0xFE || input[0] == 0xFE && input[1] == 0xFF
    {
      return TemplateError(
        .invalidEncoding,
        "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
        at: location(ofByte: offset, in: input, file: file))
    }
    return TemplateError(
      .invalidEncoding, "the file is not valid UTF-8 (byte 0x\(byte)); save it as UTF-8",
      at: location(ofByte: offset, in: input, file: file))
  }

  /// The 1-based line and column of a byte offset. Line breaks are `\n`, `\r\n` and a lone `\r`.
  static func location(ofByte offset: Int, in input: UnsafeBufferPointer<UInt8>, file: String)
    -> SourceLocation
  {
    let end = min(max(offset, 0), input.count)
    var line = 1
    var column = 1
    var i = 0
    while i < end {
      let byte = input[i]
      if byte == 0x0A || (byte == 0x0D && (i + 1 >= input.count || input[i + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 && byte != 0x0D {
        column += 1
      }
      i += 1
    }
    return SourceLocation(file: file, line: line, column: column)
  }

  /// The first byte of the character at a 0-based line and column, or `nil` past the text.
  static func character(atLine line: Int, column: Int, in input: UnsafeBufferPointer<UInt8>)
    -> UInt8?
  {
    var currentLine = 0
    var i = 0
    while currentLine < line, i < input.count {
      if input[i] == 0x0A { currentLine += 1 }
      i += 1
    }
    var currentColumn = 0
    while i < input.count {
      let byte = input[i]
      if byte & 0xC0 != 0x80 {
        if currentColumn == column { return byte }
        currentColumn += 1
      }
      if byte == 0x0A { return nil }
      i += 1
    }
    return nil
  }
}
