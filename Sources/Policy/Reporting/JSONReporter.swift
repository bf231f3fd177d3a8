/// Findings as a JSON array, one object per finding, keys in alphabetical order.
///
/// Written by hand rather than through `JSONSerialization` so the bytes are the same on every
/// platform (no `\/` escapes, no key order that depends on a hash seed): CI jobs diff and
/// commit this output. Each object has `column`, `file`, `line`, `logicalId` (or null),
/// `message`, `path` (or null), `rule` and `severity`; a suppressed finding also has
/// `suppression` with its `reason` and `source`.
public struct JSONReporter: Sendable {
  public init() {}

  /// The findings as a pretty-printed JSON array (two-space indentation), ending in a newline.
  public func report(_ findings: [Finding]) -> String {
    guard !findings.isEmpty else { return "[]\n" }
    let objects = findings.map { object(for: $0) }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  private func object(for finding: Finding) -> String {
    var fields: [(String, String)] = [
      ("column", String(finding.location.column)),
      ("file", Self.quoted(finding.location.file)),
      ("line", String(finding.location.line)),
      ("logicalId", finding.logicalID.map(Self.quoted) ?? "null"),
      ("message", Self.quoted(finding.message)),
      ("path", finding.path.map(Self.quoted) ?? "null"),
      ("rule", Self.quoted(finding.ruleID)),
      ("severity", Self.quoted(finding.severity.rawValue)),
    ]
    if let suppression = finding.suppression {
      fields.append(
        (
          "suppression",
          "{ \"reason\": \(Self.quoted(suppression.reason)), \"source\": \(Self.quoted(suppression.source.rawValue)) }"
        ))
    }
    let body = fields.map { "    \(Self.quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
    return "  {\n" + body + "\n  }"
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
