import Policy

/// The JSON that `lint --format json` and `validate --format json` print: a versioned object
/// with the tool, a summary and the findings, so a CI step can read the counts without
/// recounting and can tell a future format change from this one.
///
/// ```json
/// {
///   "version": 1,
///   "tool": {"name": "formation", "version": "0.1.0", "command": "lint"},
///   "summary": {"files": 2, "skipped": 0, "errors": 1, "warnings": 0, "unknown": 0, "info": 0, "suppressed": 0, "failed": true},
///   "findings": [ ...JSONReporter's objects... ]
/// }
/// ```
/// `version` changes only when a key is removed or changes meaning; new keys may appear.
struct FindingsEnvelope {
  static let formatVersion = 1

  var command: String
  var findings: [Finding]
  var files: Int
  var skipped: Int
  var failed: Bool
  /// Extra summary fields, written after the standard ones (`new`, `fixed` with a baseline).
  var extraSummary: [(String, Int)] = []

  var json: String {
    var counts: [Severity: Int] = [:]
    var suppressed = 0
    for finding in findings {
      if finding.isSuppressed { suppressed += 1 } else { counts[finding.severity, default: 0] += 1 }
    }
    var summary: [(String, String)] = [
      ("files", String(files)), ("skipped", String(skipped)),
      ("errors", String(counts[.error] ?? 0)), ("warnings", String(counts[.warning] ?? 0)),
      ("unknown", String(counts[.unknown] ?? 0)), ("info", String(counts[.info] ?? 0)),
      ("suppressed", String(suppressed)),
    ]
    summary += extraSummary.map { ($0.0, String($0.1)) }
    summary.append(("failed", failed ? "true" : "false"))
    let array = JSONReporter().report(findings).dropLast()  // its final newline
    let indented = array.split(separator: "\n", omittingEmptySubsequences: false).joined(
      separator: "\n  ")
    return """
      {
        "version": \(Self.formatVersion),
        "tool": {"name": "formation", "version": "\(FormationRelease.version)", "command": "\(command)"},
        "summary": {\(summary.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", "))},
        "findings": \(indented)
      }

      """
  }
}
