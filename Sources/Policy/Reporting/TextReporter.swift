import Dispatch
import Template

/// Findings as lines a compiler user knows: `file:line:col: severity ID: message`.
///
/// Editors and CI log viewers jump to `file:line:col`, so each finding is one line starting with
/// its location. `formation validate` prints the compact form; `formation lint` names the
/// resource too (`file:line:col: severity ID LogicalId: message`), as cdk-nag and cfn-lint users
/// expect. The reporter prints findings in the order given (the engine's stable order).
public struct TextReporter: Sendable {
  public enum Style: Sendable, Hashable {
    /// `file:line:col: error TPL006: message` (`formation validate`).
    case compact
    /// `file:line:col: error TPL006 Bucket: message`; the logical id is left out when there is none.
    case logicalID
  }

  public var style: Style

  public init(style: Style = .compact) {
    self.style = style
  }

  /// One finding as one line, without the newline. The file name, logical id, message and a
  /// suppression's reason come from the template, so control characters in them are written
  /// as escapes (`\x1b`): a logical id cannot forge a line or hide the text after it.
  public func line(for finding: Finding) -> String {
    line(for: finding, file: finding.location.file)
  }

  /// The line of a finding whose location's file name is already known.
  private func line(for finding: Finding, file: String) -> String {
    var line = ""
    line.reserveCapacity(file.utf8.count + finding.message.utf8.count + 64)
    line += file
    line += ":"
    line += String(finding.location.line)
    line += ":"
    line += String(finding.location.column)
    line += ": "
    line += finding.severity.rawValue
    line += " "
    line += finding.ruleID
    if style == .logicalID, let logicalID = finding.logicalID {
      line += " "
      line += logicalID
    }
    line += ": "
    line += finding.message
    if let suppression = finding.suppression {
      let source = suppression.source.rawValue
      line +=
        " [suppressed (\(suppression.foreignID.map { "\(source) \($0)" } ?? source)): \(suppression.reason)]"
    }
    // Nearly every line is printable ASCII: one scan answers for both rewrites.
    guard !line.isPrintableASCII else { return line }
    return line.replacingNewlines().escapingControlCharacters
  }

  /// Every finding that `includes` on its own line, each ending in a newline; empty for none.
  ///
  /// A large run prints tens of thousands of lines: they are formatted in pieces on every
  /// core, each piece straight into its part of one string sized first (`PlainLine`), and a
  /// file's name is looked up once per run of findings in that file (findings come sorted by
  /// location).
  public func report(
    _ findings: [Finding],
    including includes: @Sendable (borrowing Finding) -> Bool = { _ in true }
  )
    -> String
  {
    // Pieces of a few hundred lines: a template of 500 resources (about 1,200 findings) is
    // then written on every core too, not only a folder's tens of thousands.
    let pieceSize = 400
    let pieces = stride(from: 0, to: findings.count, by: pieceSize).map {
      $0..<min($0 + pieceSize, findings.count)
    }
    // First each piece's lines and their sizes: most are plain ASCII, written byte by byte
    // below from the finding itself; a line with a suppression or a character to escape is
    // made as a `String`. Nothing of a finding is kept: each copy retained its texts, and
    // every finding of a file retained that file's name, from every core at once.
    let laidOut = pieces.concurrentMap { range in
      var lines: [Line] = []
      lines.reserveCapacity(range.count)
      var size = 0
      var file: FileName?
      // Each finding is read in place: a copy retained its shared text, once per line.
      for index in range where includes(findings[index]) {
        let name = FileName.of(findings[index].location, after: &file)
        if let plain = PlainLine.size(of: findings[index], file: name, style: style) {
          size += plain
          lines.append(.plain(size: plain))
        } else {
          let text = line(for: findings[index], file: name.text) + "\n"
          size += text.utf8.count
          lines.append(.text(text))
        }
      }
      return (lines: lines, size: size)
    }
    let (offsets, size) = laidOut.map(\.size).layout()
    // Then the report, one string sized first, each piece written into its own part of it on
    // every core: joining the pieces' strings on one core afterwards took longer than writing them.
    return String(unsafeUninitializedCapacity: size) { buffer in
      guard let base = buffer.baseAddress.map(UnsafeSendablePointer.init) else { return 0 }
      DispatchQueue.concurrentPerform(iterations: laidOut.count) { piece in
        let buffer = UnsafeMutableBufferPointer(start: base.address, count: size)
        var at = offsets[piece]
        var file: FileName?
        var lines = laidOut[piece].lines.makeIterator()
        for index in pieces[piece] where includes(findings[index]) {
          switch lines.next() {
          case .plain(let size):
            let name = FileName.of(findings[index].location, after: &file)
            PlainLine.write(
              findings[index], file: name, style: style, size: size, into: buffer, at: &at)
          case .text(let text):
            for byte in text.utf8 {
              buffer[at] = byte
              at += 1
            }
          case nil:
            preconditionFailure("a finding the first pass did not lay out")
          }
        }
      }
      return size
    }
  }

  /// One line of the report: plain ASCII written byte by byte from its finding (its size in
  /// bytes), or a line made as a `String`.
  private enum Line: Sendable {
    case plain(size: Int)
    case text(String)
  }

  /// `3 errors, 1 warning in 2 files`: counts by severity (unknown and info only when present),
  /// then suppressed findings, which are not counted with the others, then the resources no
  /// rule checked (`; 12 resources of 4 types not checked: AWS::Glue::Job (5), ...`), which
  /// count as errors only when the run requires coverage.
  public static func summary(_ findings: [Finding], files: Int) -> String {
    // Counted in plain integers: a run has tens of thousands of findings, and hashing each
    // severity into a dictionary cost more than the rest of the summary.
    var (errors, warnings, unknown, info, suppressed) = (0, 0, 0, 0, 0)
    // By position: a loop variable would copy each finding, retaining its text.
    for index in findings.indices {
      if findings[index].isSuppressed {
        suppressed += 1
      } else if !isCoverageNote(findings[index]) {
        switch findings[index].severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .unknown: unknown += 1
        case .info: info += 1
        }
      }
    }
    var parts = [counted(errors, "error", "errors"), counted(warnings, "warning", "warnings")]
    if unknown > 0 { parts.append("\(unknown) unknown") }
    if info > 0 { parts.append("\(info) info") }
    var text = parts.joined(separator: ", ") + " in " + counted(files, "file", "files")
    if suppressed > 0 { text += " (\(suppressed) suppressed)" }
    if let unchecked = Coverage.summary(of: findings) { text += "; " + unchecked }
    return text
  }

  /// True for a COV001 finding at info: the summary counts those by type instead of listing
  /// one line per resource; at error (`--require-coverage`) they are listed like any finding.
  public static func isCoverageNote(_ finding: borrowing Finding) -> Bool {
    finding.severity == .info && finding.ruleID == CoverageRules.unchecked.id
  }

  private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
  }
}

extension String {
  /// Messages are one line; a stray newline (from a value quoted in a message) would split a finding.
  fileprivate func replacingNewlines() -> String {
    // Every newline character starts with one of these bytes in UTF-8 (\n \v \f \r; U+0085;
    // U+2028 and U+2029); a message without any is returned as it is, without walking its
    // characters (lint prints tens of thousands of lines on a large run).
    guard containsUTF8Byte(where: { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }),
      contains(where: \.isNewline)
    else { return self }
    return String(map { $0.isNewline ? " " : $0 })
  }
}

/// The file name of a run of findings (they come sorted by location), looked up and judged
/// once per run, with its bytes for writing: the same name copied into every line retained
/// one string from every core at once.
private struct FileName {
  let location: SourceLocation
  let text: String
  let isPrintable: Bool
  let bytes: [UInt8]

  /// The name of `location`'s file: `previous` when it is the same file, else looked up (and
  /// kept in `previous` for the next finding).
  static func of(_ location: SourceLocation, after previous: inout FileName?) -> FileName {
    if let previous, previous.location.isInSameFile(as: location) { return previous }
    let text = location.file
    let name = FileName(
      location: location, text: text, isPrintable: text.isPrintableASCII,
      bytes: Array(text.utf8))
    previous = name
    return name
  }
}

/// A finding's line, with its newline, when every part of it is printable ASCII and it has
/// no suppression: what `TextReporter.line(for:)` makes of it, written byte by byte.
private enum PlainLine {
  /// The line's length in bytes, newline included; `nil` when it is not plain.
  static func size(of finding: Finding, file: FileName, style: TextReporter.Style) -> Int? {
    guard !finding.isSuppressed, file.isPrintable else { return nil }
    let logicalID = style == .logicalID ? finding.logicalID : nil
    let message = finding.message
    guard message.isPrintableASCII, logicalID?.isPrintableASCII ?? true else { return nil }
    // `file:line:column: severity RULE[ logicalID]: message\n`: eight bytes of punctuation.
    return file.bytes.count + digits(finding.location.line) + digits(finding.location.column)
      + finding.severity.rawValue.utf8.count + finding.ruleID.utf8.count
      + (logicalID.map { $0.utf8.count + 1 } ?? 0) + message.utf8.count + 8
  }

  /// Writes the line of `finding`, `size` bytes long, at `offset` in `buffer`.
  static func write(
    _ finding: Finding, file: FileName, style: TextReporter.Style, size: Int,
    into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: inout Int
  ) {
    precondition(offset + size <= buffer.count, "the line does not fit the space sized for it")
    let start = offset
    defer { precondition(offset - start == size, "the line is not the size it was sized at") }
    func put(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
      (target + offset).initialize(from: source, count: bytes.count)
      offset += bytes.count
    }
    func put(_ text: String) {
      var text = text
      text.withUTF8(put)
    }
    func put(_ byte: UInt8) {
      buffer[offset] = byte
      offset += 1
    }
    func put(_ number: Int) {
      let count = digits(number)
      var rest = number
      for position in stride(from: offset + count - 1, through: offset, by: -1) {
        buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      }
      offset += count
    }
    file.bytes.withUnsafeBufferPointer(put)
    put(UInt8(ascii: ":"))
    put(finding.location.line)
    put(UInt8(ascii: ":"))
    put(finding.location.column)
    put(UInt8(ascii: ":"))
    put(UInt8(ascii: " "))
    put(finding.severity.rawValue)
    put(UInt8(ascii: " "))
    put(finding.ruleID)
    if style == .logicalID, let logicalID = finding.logicalID {
      put(UInt8(ascii: " "))
      put(logicalID)
    }
    put(UInt8(ascii: ":"))
    put(UInt8(ascii: " "))
    put(finding.message)
    put(UInt8(ascii: "\n"))
  }

  /// The decimal digits of a line or column number (never negative).
  static func digits(_ number: Int) -> Int {
    var (count, rest) = (1, number / 10)
    while rest > 0 {
      count += 1
      rest /= 10
    }
    return count
  }
}
