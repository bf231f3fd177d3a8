import Foundation

/// Reads the YAML that templates are written in straight from the bytes, without libyaml.
///
/// Nearly every template is block mappings and lists of one-line scalars, with short-form
/// tags, one-line flow lists (`!If [IsProd, Enabled, Suspended]`) and literal blocks (`|`).
/// libyaml reads those through a general machine (a character buffer, a token queue, events
/// with their own copies of every string) that costs more than building the values from them.
/// This reader builds them directly, through the same `ValueBuilder` and `YAMLReader.scalar`
/// calls, so a value gets the same kind, the same location and the same checks either way.
///
/// It is a fast path, not a second YAML parser. Anything else (anchors and aliases, folded or
/// multi-line scalars, flow collections over several lines, tabs, directives, several
/// documents, escapes beyond the common ones) and any error, of syntax or of meaning, makes
/// it give up, and `YAMLReader` reads the file with libyaml from the start, so every error
/// still comes from libyaml and the value builder. Each construct it accepts follows libyaml
/// 0.2.5's scanner (where a plain scalar ends, how a literal block is chomped, which column a
/// node starts at); the tests compare both readers on every fixture and on mutated copies.
struct BlockYAMLReader {
  /// Why the reader gave up; the caller reads the file with libyaml instead.
  struct Unsupported: Error {}

  private let base: UnsafePointer<UInt8>
  private let count: Int
  /// True when every byte is ASCII: a column is then the byte's offset in its line.
  private let isASCII: Bool
  private let fileID: UInt32
  private var builder: ValueBuilder
  private let strings = StringTable()
  /// The byte being read, the 0-based line it is on and where that line starts.
  private var position = 0
  private var line = 0
  private var lineStart = 0
  /// Collections open; past `maxNesting` the reader gives up rather than recurse deeper.
  private var nesting = 0
  private static let maxNesting = 64
  /// libyaml forgets a key whose `:` comes 1,024 characters or more after its start; well
  /// before that, the reader leaves the file to it.
  private static let longestKey = 1_000
  /// The bytes of a quoted scalar with escapes or a literal block, once unescaped.
  private var text: [UInt8] = []

  /// The template's value, or `nil` when libyaml must read it. A large template is read in
  /// parts on every core (see `ResourcesSplit`).
  static func read(_ input: UnsafeBufferPointer<UInt8>, fileID: UInt32, maxDepth: Int) -> Value? {
    read(
      input, fileID: fileID, maxDepth: maxDepth,
      split: ResourcesSplit(input, count: cores))
  }

  /// The cores a template's parts are read on. Asked once: Foundation reads the cgroup's
  /// files each time it is asked, which cost a folder's run a hundredth of its time.
  private static let cores = ProcessInfo.processInfo.activeProcessorCount

  /// The template's value read in the parts of `split` (whole when it is `nil`, or when a part
  /// does not read on its own), or `nil` when libyaml must read it.
  static func read(
    _ input: UnsafeBufferPointer<UInt8>, fileID: UInt32, maxDepth: Int, split: ResourcesSplit?
  ) -> Value? {
    guard let base = input.baseAddress, let isASCII = isASCIIPlainText(input) else { return nil }
    if let split,
      let value = read(base, in: split, isASCII: isASCII, fileID: fileID, maxDepth: maxDepth)
    {
      return value
    }
    var reader = BlockYAMLReader(
      base: base,
      part: ResourcesSplit.Part(kind: .start, bytes: 0..<input.count, line: 0),
      isASCII: isASCII, fileID: fileID, maxDepth: maxDepth)
    return try? reader.document()
  }

  /// The template's value from the parts of `split`, each read on a core of its own; `nil`
  /// when a part does not read on its own or the parts do not merge.
  static func read(
    _ base: UnsafePointer<UInt8>, in split: ResourcesSplit, isASCII: Bool, fileID: UInt32,
    maxDepth: Int
  ) -> Value? {
    // The parts only read the bytes, which outlive them.
    let bytes = UnsafeSendablePointer(address: UnsafeMutablePointer(mutating: base))
    let values = split.parts.concurrentMap { part -> Value? in
      var reader = BlockYAMLReader(
        base: bytes.address, part: part, isASCII: isASCII, fileID: fileID, maxDepth: maxDepth)
      return try? reader.value(of: part.kind)
    }
    let read = values.compactMap { $0 }
    guard read.count == values.count else { return nil }
    return ResourcesSplit.merged(read, of: split.parts)
  }

  /// A reader of `part` of the input at `base`; positions and lines count from the input's
  /// start, so locations are the file's.
  private init(
    base: UnsafePointer<UInt8>, part: ResourcesSplit.Part, isASCII: Bool, fileID: UInt32,
    maxDepth: Int
  ) {
    self.base = base
    self.count = part.bytes.upperBound
    self.isASCII = isASCII
    self.fileID = fileID
    position = part.bytes.lowerBound
    lineStart = part.bytes.lowerBound
    line = part.line
    if case .resources = part.kind {
      // Its mapping is one level down in the template, inside the top-level one.
      nesting = 1
      builder = ValueBuilder(maxDepth: maxDepth - 1)
    } else {
      builder = ValueBuilder(maxDepth: maxDepth)
    }
  }

  // MARK: - Characters

  private static let space = UInt8(ascii: " ")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let hash = UInt8(ascii: "#")
  private static let colon = UInt8(ascii: ":")
  private static let dash = UInt8(ascii: "-")
  private static let comma = UInt8(ascii: ",")

  /// Whether the input is all ASCII, when it has no character libyaml treats specially or
  /// rejects (`nil` if it does): control characters (a tab included) other than line feeds
  /// and CRLF pairs, C1 controls (NEL among them), the line and paragraph separators, byte
  /// order marks and the two non-characters.
  static func isASCIIPlainText(_ input: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let base = input.baseAddress else { return nil }
    let count = input.count
    var isASCII = true
    var index = 0
    while index < count {
      if index + 16 <= count {
        let raw = UnsafeRawPointer(base + index)
        if ASCIIWord.isPrintableOrLineFeed(raw.loadUnaligned(as: UInt64.self)),
          ASCIIWord.isPrintableOrLineFeed(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        {
          index += 16
          continue
        }
      }
      let byte = base[index]
      switch byte {
      case newline, 0x20..<0x7F:
        index += 1
      case carriageReturn:
        guard index + 1 < count, base[index + 1] == newline else { return nil }
        index += 2
      case 0xC2:
        isASCII = false
        // U+0080 to U+009F: C1 controls, NEL (a line break to libyaml) among them.
        guard index + 1 < count, base[index + 1] >= 0xA0 else { return nil }
        index += 2
      case 0xE2:
        isASCII = false
        // U+2028 and U+2029, which libyaml takes as line breaks.
        if index + 2 < count, base[index + 1] == 0x80, base[index + 2] & 0xFE == 0xA8 {
          return nil
        }
        index += 1
      case 0xEF:
        isASCII = false
        // U+FEFF (a byte order mark) and U+FFFE, U+FFFF.
        if index + 2 < count,
          (base[index + 1] == 0xBB && base[index + 2] == 0xBF)
            || (base[index + 1] == 0xBF && base[index + 2] >= 0xBE)
        {
          return nil
        }
        index += 1
      case 0x80...:
        isASCII = false
        index += 1
      default:
        return nil
      }
    }
    return isASCII
  }

  private func byte(at offset: Int) -> UInt8 { offset < count ? base[offset] : 0 }
  private var current: UInt8 { byte(at: position) }

  /// A line break or the end of the input (the input has no NUL: `isPlainText`).
  private func isBreakOrEnd(_ offset: Int) -> Bool {
    let byte = byte(at: offset)
    return byte == Self.newline || byte == Self.carriageReturn || byte == 0
  }

  private func isBlankOrEnd(_ offset: Int) -> Bool {
    byte(at: offset) == Self.space || isBreakOrEnd(offset)
  }

  /// The column of the current position: indentation is spaces, so on a line reached by
  /// `skipToContent` it is the byte count.
  private var column: Int { position - lineStart }

  /// The 1-based location of `offset` on the current line; columns count characters, as
  /// libyaml's do. In a file with characters beyond ASCII, the characters are counted from
  /// the last location asked for on the line (locations come left to right), so a long line
  /// of many nodes is counted once, not once per node.
  private mutating func location(_ offset: Int) -> SourceLocation {
    guard !isASCII else {
      return SourceLocation(fileID: fileID, line: line + 1, column: offset - lineStart + 1)
    }
    var (from, column) = (lineStart, 0)
    if counted.line == line, counted.offset <= offset {
      (from, column) = (counted.offset, counted.column)
    }
    for index in from..<offset where base[index] & 0xC0 != 0x80 { column += 1 }
    counted = (line, offset, column)
    return SourceLocation(fileID: fileID, line: line + 1, column: column + 1)
  }

  /// The last location's line, offset and 0-based column, for `location` in a file with
  /// characters beyond ASCII.
  private var counted = (line: -1, offset: 0, column: 0)

  private mutating func skipSpaces() {
    while current == Self.space { position += 1 }
  }

  /// Past the line break at the current position.
  private mutating func takeLineBreak() {
    position += current == Self.carriageReturn ? 2 : 1
    line += 1
    lineStart = position
  }

  /// Skips spaces, comments and line breaks up to the next content (or the end). The caller
  /// is at the start of a line, or after a value whose rest of line may be a comment.
  private mutating func skipToContent() {
    while position < count {
      skipSpaces()
      if current == Self.hash {
        while !isBreakOrEnd(position) { position += 1 }
      }
      guard position < count, isBreakOrEnd(position) else { return }
      takeLineBreak()
    }
  }

  /// After a value on one line: the rest of the line must be blank or a comment, and the
  /// next content must not be indented past `indent`, where libyaml would continue a plain
  /// scalar over lines or find an error.
  private mutating func endValueLine(indent: Int) throws(Unsupported) {
    skipSpaces()
    if current == Self.hash {
      while !isBreakOrEnd(position) { position += 1 }
    }
    guard isBreakOrEnd(position) else { throw Unsupported() }
    skipToContent()
    guard position == count || column <= indent else { throw Unsupported() }
  }

  // MARK: - Building (any error of meaning is left to libyaml's reading, which reports it)

  private mutating func open(mapping: Bool, at location: SourceLocation, tag: Tag?)
    throws(Unsupported)
  {
    nesting += 1
    guard nesting <= Self.maxNesting else { throw Unsupported() }
    do {
      try builder.open(
        mapping: mapping, at: tag?.location ?? location, function: tag?.function, tag: tag?.text)
    } catch { throw Unsupported() }
  }

  private mutating func close() throws(Unsupported) {
    nesting -= 1
    do { try builder.close() } catch { throw Unsupported() }
  }

  private mutating func key(_ range: Range<Int>, at location: SourceLocation) throws(Unsupported) {
    let text = strings.string(
      UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    do { try builder.key(text, at: location) } catch { throw Unsupported() }
  }

  /// Adds a scalar: the bytes of `range` in the input, or (`inText`) those in `text`.
  private mutating func scalar(
    _ range: Range<Int>, inText: Bool = false, plain: Bool, tag: Tag?, at location: SourceLocation
  ) throws(Unsupported) {
    let strings = strings
    let make = { (bytes: UnsafeBufferPointer<UInt8>) throws(TemplateError) -> Value in
      try YAMLReader.scalar(
        bytes, tag: tag?.text, plain: plain, at: tag?.location ?? location, strings: strings)
    }
    let value: Value
    do {
      if inText {
        value = try text.withUnsafeBufferPointer { bytes in try make(bytes) }
      } else {
        value = try make(
          UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
      }
    } catch {
      throw Unsupported()
    }
    builder.add(value)
  }

  // MARK: - Block context

  /// A short-form function tag (`!Sub`) and where it was written: the node it tags starts there.
  private struct Tag {
    var text: String
    var function: String
    var location: SourceLocation
  }

  private mutating func document() throws(Unsupported) -> Value {
    skipToContent()
    if column == 0, current == Self.dash, byte(at: position + 1) == Self.dash,
      byte(at: position + 2) == Self.dash, isBlankOrEnd(position + 3)
    {
      position += 3
      skipSpaces()
      guard current == Self.hash || isBreakOrEnd(position) else { throw Unsupported() }
      skipToContent()
    }
    guard position < count, column == 0, let first = keyAhead() else { throw Unsupported() }
    try blockMapping(indent: 0, first: first, tag: nil)
    guard position == count, let root = builder.root else { throw Unsupported() }
    return root
  }

  /// The value of a part of a split template: the template up to the first cut, a run of
  /// `Resources`' entries as a mapping, or the top-level keys after `Resources` as one.
  private mutating func value(of kind: ResourcesSplit.Part.Kind) throws(Unsupported) -> Value {
    let column: Int
    switch kind {
    case .start: return try document()
    case .resources(let keys): column = keys
    case .rest: column = 0
    }
    skipToContent()
    guard position < count, self.column == column, let first = keyAhead() else {
      throw Unsupported()
    }
    try blockMapping(indent: column, first: first, tag: nil)
    guard position == count, let root = builder.root else { throw Unsupported() }
    return root
  }

  /// A mapping key on one line at the current position, followed by `:` and a blank: its
  /// bytes (a plain key, or a quoted one without escapes, whose text is the input itself) and
  /// where its `:` is; `nil` when the line does not start with such a key.
  private func keyAhead() -> (text: Range<Int>, colon: Int)? {
    // `--- a: b` or `... a: b` at the start of a line is a document marker, then a node.
    if position == lineStart, current == Self.dash || current == UInt8(ascii: "."),
      byte(at: position + 1) == current, byte(at: position + 2) == current,
      isBlankOrEnd(position + 3)
    {
      return nil
    }
    let text: Range<Int>
    var offset: Int
    let quote = current
    if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
      offset = position + 1
      while byte(at: offset) != quote {
        // An escape, or a key over lines: left to libyaml.
        guard !isBreakOrEnd(offset), byte(at: offset) != UInt8(ascii: "\\") else { return nil }
        offset += 1
      }
      // `''` inside a single-quoted key: left to libyaml.
      guard byte(at: offset + 1) != quote else { return nil }
      text = position + 1..<offset
      offset += 1
    } else {
      guard Self.startsPlainScalar(quote, next: byte(at: position + 1), flow: false),
        let end = try? plainScalarEnd(from: position, flow: false)
      else { return nil }
      text = position..<end
      offset = end
    }
    while byte(at: offset) == Self.space { offset += 1 }
    guard byte(at: offset) == Self.colon, isBlankOrEnd(offset + 1) else { return nil }
    return (text, offset)
  }

  /// True when `first` (followed by `next`) starts a plain scalar. Stricter than libyaml,
  /// which also starts one with `?` or `:` followed by a non-blank in block context: those
  /// are left to it.
  private static func startsPlainScalar(_ first: UInt8, next: UInt8, flow: Bool) -> Bool {
    switch first {
    case UInt8(ascii: "-"):
      // `-1`, `-x`; in a flow collection only before a letter, digit or dot.
      if flow { return isLetterOrDigit(next) || next == UInt8(ascii: ".") }
      return next != space && next != newline && next != carriageReturn && next != 0
    case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
      UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
      UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"),
      UInt8(ascii: "@"), UInt8(ascii: "`"), space, newline, carriageReturn, 0:
      return false
    default:
      return true
    }
  }

  /// A block mapping whose keys are at column `indent`; `first` is its first key, at the
  /// current position.
  private mutating func blockMapping(
    indent: Int, first: (text: Range<Int>, colon: Int), tag: Tag?
  ) throws(Unsupported) {
    try open(mapping: true, at: location(position), tag: tag)
    var next = first
    while true {
      guard next.colon - next.text.lowerBound < Self.longestKey else { throw Unsupported() }
      let keyLocation = location(position)
      position = next.colon + 1
      try key(next.text, at: keyLocation)
      try blockValue(indent: indent, inMapping: true)
      if position == count || column < indent { break }
      guard column == indent, let key = keyAhead() else { throw Unsupported() }
      next = key
    }
    try close()
  }

  /// The value after a mapping's `:` or a list's `-` (the current position), in a block
  /// collection at column `indent`; ends at the next content.
  private mutating func blockValue(indent: Int, inMapping: Bool) throws(Unsupported) {
    let afterIndicator = location(position)
    skipSpaces()
    var tag: Tag?
    if current == UInt8(ascii: "!") {
      tag = try self.tag()
      guard isBlankOrEnd(position) else { throw Unsupported() }
      skipSpaces()
    }
    guard current == Self.hash || isBreakOrEnd(position) else {
      return try inlineValue(indent: indent, tag: tag)
    }
    // Nothing more on this line: the value is on the lines below, or empty.
    skipToContent()
    if position < count, column > indent {
      return try blockNode(indent: column, tag: tag)
    }
    // A tag on nothing, or over a list at its key's column: left to libyaml.
    guard tag == nil else { throw Unsupported() }
    if inMapping, position < count, column == indent, current == Self.dash,
      isBlankOrEnd(position + 1)
    {
      return try blockList(indent: indent, indentless: true, tag: nil)
    }
    try scalar(position..<position, plain: true, tag: nil, at: afterIndicator)
  }

  /// A block list or mapping starting at the current position, at column `indent`.
  private mutating func blockNode(indent: Int, tag: Tag?) throws(Unsupported) {
    if current == Self.dash, isBlankOrEnd(position + 1) {
      try blockList(indent: indent, indentless: false, tag: tag)
    } else if let first = keyAhead() {
      try blockMapping(indent: indent, first: first, tag: tag)
    } else {
      throw Unsupported()
    }
  }

  /// A block list whose `-` are at column `indent`. `indentless` when it is a mapping's value
  /// at the mapping's own column: it then ends at the mapping's next key.
  private mutating func blockList(indent: Int, indentless: Bool, tag: Tag?) throws(Unsupported) {
    try open(mapping: false, at: location(position), tag: tag)
    while true {
      position += 1
      let afterDash = position
      skipSpaces()
      if !isBreakOrEnd(position), current != Self.hash, let first = keyAhead() {
        try blockMapping(indent: column, first: first, tag: nil)
      } else {
        position = afterDash
        try blockValue(indent: indent, inMapping: false)
      }
      if position == count || column < indent { break }
      guard column == indent else { throw Unsupported() }
      if current == Self.dash, isBlankOrEnd(position + 1) { continue }
      guard indentless else { throw Unsupported() }
      break
    }
    try close()
  }

  /// A value that starts on the line of its key or dash.
  private mutating func inlineValue(indent: Int, tag: Tag?) throws(Unsupported) {
    let start = location(position)
    switch current {
    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "'"), UInt8(ascii: "\""):
      try flowNode(tag: tag)
    case UInt8(ascii: "|"):
      return try literalBlock(indent: indent, tag: tag)
    default:
      guard Self.startsPlainScalar(current, next: byte(at: position + 1), flow: false) else {
        throw Unsupported()
      }
      let range = try plainScalar(flow: false)
      // `key: a: b` is an error; `- a: b` was read as a mapping before coming here.
      guard current != Self.colon else { throw Unsupported() }
      try scalar(range, plain: true, tag: tag, at: start)
    }
    try endValueLine(indent: indent)
  }

  /// A plain scalar on one line from the current position, left after it: in block context it
  /// ends before `: `, ` #` or the line break; in a flow collection also before `,[]{}`.
  /// Trailing spaces are not part of it.
  private mutating func plainScalar(flow: Bool) throws(Unsupported) -> Range<Int> {
    let start = position
    position = try plainScalarEnd(from: start, flow: flow)
    return start..<position
  }

  /// Where the plain scalar starting at `start` ends (see `plainScalar`), without moving.
  private func plainScalarEnd(from start: Int, flow: Bool) throws(Unsupported) -> Int {
    var end = start
    var offset = start
    scan: while true {
      let runStart = offset
      while true {
        let byte = byte(at: offset)
        if byte == Self.space || isBreakOrEnd(offset) { break }
        if byte == Self.colon {
          let next = self.byte(at: offset + 1)
          if isBlankOrEnd(offset + 1) { break }
          // libyaml rejects `x:` before a flow indicator in a flow collection.
          if flow, Self.isFlowIndicator(next) || next == UInt8(ascii: "?") {
            throw Unsupported()
          }
        } else if flow, Self.isFlowIndicator(byte) {
          break
        }
        offset += 1
      }
      if offset == runStart { break scan }
      end = offset
      while byte(at: offset) == Self.space { offset += 1 }
      if isBreakOrEnd(offset) || byte(at: offset) == Self.hash { break scan }
    }
    return end
  }

  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == comma || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
      || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
  }

  /// A short-form function tag at the current position; any other tag is left to libyaml.
  private mutating func tag() throws(Unsupported) -> Tag {
    let start = position
    var offset = position + 1
    while Self.isLetterOrDigit(byte(at: offset)) { offset += 1 }
    let text = String(
      decoding: UnsafeBufferPointer(start: base + start, count: offset - start), as: UTF8.self)
    guard let function = IntrinsicDecoding.functionName(forTag: text) else { throw Unsupported() }
    let location = location(start)
    position = offset
    return Tag(text: text, function: function, location: location)
  }

  /// A literal block scalar (`|`, `|-`, `|+`) at the current position, in a block collection
  /// at column `indent`; libyaml's rules for its indentation and chomping, leaving the
  /// position at the next content after it.
  private mutating func literalBlock(indent: Int, tag: Tag?) throws(Unsupported) {
    let start = location(position)
    position += 1
    var chomping = 0
    if current == Self.dash || current == UInt8(ascii: "+") {
      chomping = current == Self.dash ? -1 : 1
      position += 1
    }
    // An indentation indicator, or anything but a comment after the header: left to libyaml.
    skipSpaces()
    if current == Self.hash, byte(at: position - 1) == Self.space {
      while !isBreakOrEnd(position) { position += 1 }
    }
    guard position < count, isBreakOrEnd(position) else { throw Unsupported() }
    takeLineBreak()
    // The first line sets the block's indentation; leading empty lines are left to libyaml.
    skipSpaces()
    let blockIndent = column
    guard blockIndent > indent, position < count, !isBreakOrEnd(position) else {
      throw Unsupported()
    }
    text.removeAll(keepingCapacity: true)
    var pendingBreaks = 0
    var lastBreak = false
    while true {
      // At column `blockIndent` of a line with content: the rest of the line is the text,
      // after the break that ended the line before and those of the empty lines between.
      if lastBreak { text.append(Self.newline) }
      text.append(contentsOf: repeatElement(Self.newline, count: pendingBreaks))
      pendingBreaks = 0
      let contentStart = position
      while !isBreakOrEnd(position) { position += 1 }
      text.append(
        contentsOf: UnsafeBufferPointer(start: base + contentStart, count: position - contentStart))
      guard position < count else {
        lastBreak = false
        break
      }
      takeLineBreak()
      lastBreak = true
      // Empty lines (up to the indentation in spaces) are kept as breaks until more text.
      var ended = false
      while true {
        while current == Self.space, column < blockIndent { position += 1 }
        if position == count {
          ended = true
          break
        }
        if isBreakOrEnd(position) {
          pendingBreaks += 1
          takeLineBreak()
          continue
        }
        ended = column < blockIndent
        break
      }
      if ended { break }
    }
    // Clipped: the last line's break is kept; kept (`+`): the empty lines' too; stripped: none.
    if chomping != -1, lastBreak { text.append(Self.newline) }
    if chomping == 1 { text.append(contentsOf: repeatElement(Self.newline, count: pendingBreaks)) }
    try scalar(0..<0, inText: true, plain: false, tag: tag, at: start)
    // The block ends on a line indented less than its text: what follows is that line.
    skipToContent()
    guard position == count || column <= indent else { throw Unsupported() }
  }

  // MARK: - Flow context, on one line

  /// A flow list or mapping, or a quoted or plain scalar, in a flow collection (or a quoted
  /// scalar or flow collection as a block value).
  private mutating func flowNode(tag: Tag?) throws(Unsupported) {
    var tag = tag
    if current == UInt8(ascii: "!") {
      guard tag == nil else { throw Unsupported() }
      tag = try self.tag()
      guard current == Self.space else { throw Unsupported() }
      skipSpaces()
    }
    let start = location(position)
    switch current {
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      try flowCollection(mapping: current == UInt8(ascii: "{"), tag: tag)
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      let (range, inText) = try quotedScalar()
      try scalar(range, inText: inText, plain: false, tag: tag, at: start)
    default:
      guard Self.startsPlainScalar(current, next: byte(at: position + 1), flow: true) else {
        throw Unsupported()
      }
      let range = try plainScalar(flow: true)
      try scalar(range, plain: true, tag: tag, at: start)
    }
  }

  /// Spaces inside a flow collection; a comment or a line break there is left to libyaml.
  private mutating func skipFlowSpaces() throws(Unsupported) {
    skipSpaces()
    guard current != Self.hash, !isBreakOrEnd(position) else { throw Unsupported() }
  }

  /// A flow list or mapping at the current position: the opening bracket, entries separated
  /// by commas, the closing bracket, all on one line.
  private mutating func flowCollection(mapping: Bool, tag: Tag?) throws(Unsupported) {
    let closing = UInt8(ascii: mapping ? "}" : "]")
    try open(mapping: mapping, at: location(position), tag: tag)
    position += 1
    try skipFlowSpaces()
    if current != closing {
      while true {
        if mapping { try flowEntry() } else { try flowNode(tag: nil) }
        try skipFlowSpaces()
        guard current == Self.comma else { break }
        position += 1
        try skipFlowSpaces()
        // A trailing comma: left to libyaml.
        guard current != closing else { throw Unsupported() }
      }
    }
    guard current == closing else { throw Unsupported() }
    position += 1
    try close()
  }

  /// `key: value` in a flow mapping.
  private mutating func flowEntry() throws(Unsupported) {
    let keyLocation = location(position)
    let range: Range<Int>
    switch current {
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      let (quoted, inText) = try quotedScalar()
      guard !inText else { throw Unsupported() }
      range = quoted
    default:
      guard Self.startsPlainScalar(current, next: byte(at: position + 1), flow: true) else {
        throw Unsupported()
      }
      range = try plainScalar(flow: true)
    }
    try skipFlowSpaces()
    guard current == Self.colon, position - range.lowerBound < Self.longestKey else {
      throw Unsupported()
    }
    position += 1
    try key(range, at: keyLocation)
    try skipFlowSpaces()
    // An empty value (`{a: }`): left to libyaml.
    guard current != Self.comma, current != UInt8(ascii: "}") else { throw Unsupported() }
    try flowNode(tag: nil)
  }

  /// A single- or double-quoted scalar on one line at the current position: the range of its
  /// bytes in the input, or (`inText`) its unescaped bytes in `text`.
  private mutating func quotedScalar() throws(Unsupported) -> (Range<Int>, inText: Bool) {
    let quote = current
    let start = position + 1
    var offset = start
    var escaped = false
    text.removeAll(keepingCapacity: true)
    while true {
      let byte = byte(at: offset)
      guard !isBreakOrEnd(offset) else { throw Unsupported() }
      // Two bytes that stand for one: `''` in a single-quoted scalar, an escape in a
      // double-quoted one.
      var pair: UInt8?
      if byte == quote {
        guard quote == UInt8(ascii: "'"), self.byte(at: offset + 1) == quote else { break }
        pair = quote
      } else if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
        guard let unescaped = Self.escape(self.byte(at: offset + 1)) else { throw Unsupported() }
        pair = unescaped
      }
      if let pair {
        if !escaped {
          text.append(contentsOf: UnsafeBufferPointer(start: base + start, count: offset - start))
        }
        escaped = true
        text.append(pair)
        offset += 2
        continue
      }
      if escaped { text.append(byte) }
      offset += 1
    }
    position = offset + 1
    return (start..<offset, escaped)
  }

  /// The byte a double-quoted scalar's one-character escape stands for; `nil` for the others
  /// (`\x`, `\u`, `\N`, a line continuation), which are left to libyaml.
  private static func escape(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0"): 0x00
    case UInt8(ascii: "a"): 0x07
    case UInt8(ascii: "b"): 0x08
    case UInt8(ascii: "t"): 0x09
    case UInt8(ascii: "n"): 0x0A
    case UInt8(ascii: "v"): 0x0B
    case UInt8(ascii: "f"): 0x0C
    case UInt8(ascii: "r"): 0x0D
    case UInt8(ascii: "e"): 0x1B
    case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): byte
    default: nil
    }
  }
}
