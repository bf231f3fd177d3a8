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
      line += " [suppressed (\(suppression.foreignID.map { "\(source) \($0)" } ?? source)): \(suppression.reason)]"
    }
    // Nearly every line is printable ASCII: one scan answers for both rewrites.
    guard line.containsUTF8Byte(where: { $0 < 0x20 || $0 >= 0x7F }) else { return line }
    return line.replacingNewlines().escapingControlCharacters
  }

  /// Every finding that `includes` on its own line, each ending in a newline; empty for none.
  ///
  /// A large run prints tens of thousands of lines: they are formatted in pieces on every
  /// core, each piece into one string, and a file's name is looked up once per run of
  /// findings in that file (findings come sorted by location).
  public func report(_ findings: [Finding], including includes: @Sendable (Finding) -> Bool = { _ in true })
    -> String
  {
    let pieceSize = 2_000
    let pieces = stride(from: 0, to: findings.count, by: pieceSize).map {
      $0..<min($0 + pieceSize, findings.count)
    }
    let texts = pieces.concurrentMap { range in
      var text = ""
      var file: (location: SourceLocation, name: String)?
      for index in range where includes(findings[index]) {
        let location = findings[index].location
        if file.map({ !$0.location.isInSameFile(as: location) }) ?? true {
          file = (location, location.file)
        }
        text += line(for: findings[index], file: file?.name ?? location.file)
        text += "\n"
      }
      return text
    }
    // Appended into one string sized first: `joined()` took ten times as long on megabytes.
    var report = ""
    report.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
    for text in texts { report += text }
    return report
  }

  /// `3 errors, 1 warning in 2 files`: counts by severity (unknown and info only when present),
  /// then suppressed findings, which are not counted with the others, then the resources no
  /// rule checked (`; 12 resources of 4 types not checked: AWS::Glue::Job (5), ...`), which
  /// count as errors only when the run requires coverage.
  public static func summary(_ findings: [Finding], files: Int) -> String {
    // Counted in plain integers: a run has tens of thousands of findings, and hashing each
    // severity into a dictionary cost more than the rest of the summary.
    var (errors, warnings, unknown, info, suppressed) = (0, 0, 0, 0, 0)
    for finding in findings {
      if finding.isSuppressed {
        suppressed += 1
      } else if !isCoverageNote(finding) {
        switch finding.severity {
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
  public static func isCoverageNote(_ finding: Finding) -> Bool {
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
