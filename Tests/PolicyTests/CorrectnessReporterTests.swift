import Testing

@testable import Policy
@testable import Template

/// The text and JSON reporters print findings exactly as `validate` and `lint` promise.
@Suite struct CorrectnessReporterTests {
  static let findings = [
    Finding(
      ruleID: "TPL006", severity: .error, message: "Ref to 'Bucket', which is not a parameter",
      logicalID: "Topic",
      location: SourceLocation(file: "dir/a.yaml", line: 12, column: 19),
      path: "Properties.TopicName"),
    Finding(
      ruleID: "TPL016", severity: .warning,
      message: "parameter 'Env' is \"never\" referenced\nat all",
      logicalID: nil, location: SourceLocation(file: "dir/a.yaml", line: 3, column: 3)),
  ]

  @Test func compactTextForValidate() {
    #expect(
      TextReporter().report(Self.findings) == """
        dir/a.yaml:12:19: error TPL006: Ref to 'Bucket', which is not a parameter
        dir/a.yaml:3:3: warning TPL016: parameter 'Env' is "never" referenced at all

        """)
  }

  @Test func textWithLogicalIDsForLint() {
    #expect(
      TextReporter(style: .logicalID).report(Self.findings) == """
        dir/a.yaml:12:19: error TPL006 Topic: Ref to 'Bucket', which is not a parameter
        dir/a.yaml:3:3: warning TPL016: parameter 'Env' is "never" referenced at all

        """)
  }

  @Test func suppressedFindingNamesItsSuppressionWithControlCharactersEscaped() {
    var finding = Self.findings[0]
    finding.suppression = Suppression(
      ruleID: "W35", reason: "logs go\u{1b}[2K elsewhere", source: .cfnNag)
    finding.suppression?.foreignID = "W35"
    #expect(
      TextReporter(style: .logicalID).line(for: finding)
        == "dir/a.yaml:12:19: error TPL006 Topic: Ref to 'Bucket', which is not a parameter [suppressed (cfn_nag W35): logs go\\x1b[2K elsewhere]"
    )
  }

  /// A large run is formatted in pieces on every core: the pieces join into the lines in
  /// order, each file named by its own name even where a piece starts mid-file.
  @Test func largeReportIsTheLinesInOrder() {
    let findings = (0..<4_500).map { index in
      Finding(
        ruleID: "TPL00\(index % 10)", severity: index % 3 == 0 ? .error : .warning,
        message: "finding \(index)", logicalID: "R\(index)",
        location: SourceLocation(file: "dir/t\(index / 1_000).yaml", line: index + 1, column: 3))
    }
    let reporter = TextReporter(style: .logicalID)
    #expect(
      reporter.report(findings) == findings.map { reporter.line(for: $0) + "\n" }.joined())
    let errors = reporter.report(findings) { $0.severity == .error }
    #expect(errors == findings.filter { $0.severity == .error }.map { reporter.line(for: $0) + "\n" }.joined())
    #expect(errors.split(separator: "\n").count == 1_500)
    #expect(reporter.report(findings) { _ in false } == "")
  }

  /// Lines written byte by byte (plain ASCII, no suppression) and lines made as strings
  /// (a suppression, a character to escape, a character beyond ASCII) mix in one report
  /// exactly as `line(for:)` writes each, in both styles.
  @Test(arguments: [TextReporter.Style.compact, .logicalID])
  func reportWritesEachLineAsLineForDoes(_ style: TextReporter.Style) {
    let messages = ["plain", "caf\u{E9}", "bell\u{07}", "line\nbreak", "", "x: \"q\" 'a'"]
    let findings = (0..<600).map { index in
      var finding = Finding(
        ruleID: index % 7 == 0 ? "SCH001" : "ENC001", severity: index % 2 == 0 ? .error : .info,
        message: messages[index % messages.count] + " \(index)",
        logicalID: index % 5 == 0 ? nil : index % 11 == 0 ? "Odd\u{1b}Id" : "R\(index)",
        location: SourceLocation(
          file: index % 13 == 0 ? "dir/\u{E9}t\u{E9}.yaml" : "dir/t\(index / 100).yaml",
          line: index * 97 + 1, column: index % 120 + 1))
      if index % 9 == 0 {
        finding.suppression = Suppression(ruleID: "ENC001", reason: "why \(index)", source: .formation)
      }
      return finding
    }
    let reporter = TextReporter(style: style)
    #expect(reporter.report(findings) == findings.map { reporter.line(for: $0) + "\n" }.joined())
  }

  /// A finding's strings are shared between copies until one of them changes.
  @Test func changingACopyLeavesTheOriginal() {
    let original = Self.findings[0]
    var copy = original
    copy.message = "changed"
    copy.scope["action"] = "s3:GetObject"
    copy.suppression = Suppression(ruleID: "TPL006", reason: "known")
    #expect(original.message == "Ref to 'Bucket', which is not a parameter")
    #expect(original.scope.isEmpty && !original.isSuppressed)
    #expect(copy.message == "changed" && copy.scope == ["action": "s3:GetObject"] && copy.isSuppressed)
    #expect(copy != original)
    var same = copy
    same.message = "changed"
    #expect(same == copy && same.hashValue == copy.hashValue)
  }

  @Test func summaryCountsBySeverity() {
    #expect(TextReporter.summary(Self.findings, files: 2) == "1 error, 1 warning in 2 files")
    #expect(TextReporter.summary([], files: 1) == "0 errors, 0 warnings in 1 file")
    var suppressed = Self.findings[0]
    suppressed.suppression = Suppression(ruleID: "TPL006", reason: "known")
    var unknown = Self.findings[1]
    unknown.severity = .unknown
    #expect(
      TextReporter.summary([suppressed, unknown, unknown], files: 1)
        == "0 errors, 0 warnings, 2 unknown in 1 file (1 suppressed)")
  }

  @Test func jsonWithSortedKeysAndEscapes() {
    var findings = Self.findings
    findings[1].message = "tab\there \\ \u{1} é"
    #expect(
      JSONReporter().report(findings) == """
        [
          {
            "column": 19,
            "file": "dir/a.yaml",
            "line": 12,
            "logicalId": "Topic",
            "message": "Ref to 'Bucket', which is not a parameter",
            "path": "Properties.TopicName",
            "rule": "TPL006",
            "severity": "error"
          },
          {
            "column": 3,
            "file": "dir/a.yaml",
            "line": 3,
            "logicalId": null,
            "message": "tab\\there \\\\ \\u0001 é",
            "path": null,
            "rule": "TPL016",
            "severity": "warning"
          }
        ]

        """)
    #expect(JSONReporter().report([]) == "[]\n")
  }

  @Test func readerErrorsBecomeFindings() {
    let error = TemplateError(
      .duplicateKey, "duplicate key 'Type'", at: SourceLocation(file: "a.yaml", line: 4, column: 5))
    #expect(
      TextReporter().line(for: Finding(error)) == "a.yaml:4:5: error E0006: duplicate key 'Type'")
    let warning = TemplateWarning(
      id: "W0001", message: "too big", at: SourceLocation(file: "a.yaml", line: 1, column: 1))
    #expect(TextReporter().line(for: Finding(warning)) == "a.yaml:1:1: warning W0001: too big")
  }
}
