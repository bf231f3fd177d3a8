import Crypto
import Foundation
import Policy

/// What identifies a finding across commits: the rule, the file, the resource, the property
/// path and the message with its formatting normalised — never a line or column, so moving a
/// resource, reformatting the file or converting it between YAML and JSON keeps the fingerprint.
struct FindingFingerprint: Hashable, Sendable, Comparable {
  let value: String

  /// `file` is the path as the baseline records it (relative to the baseline's folder).
  init(_ finding: Finding, file: String) {
    let key = [
      finding.ruleID, file, finding.logicalID ?? "", finding.path ?? "",
      Self.normalised(finding.message),
    ].joined(separator: "\u{1F}")
    let digest = SHA256.hash(data: Data(key.utf8))
    value = digest.prefix(12).map { String(format: "%02x", $0) }.joined()
  }

  init(value: String) { self.value = value }

  static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

  /// The message without what formatting changes: runs of white space become one space, and
  /// `line N` / `line N, column M` references (to another place in the file) are dropped.
  static func normalised(_ message: String) -> String {
    let text = message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return text.replacingOccurrences(
      of: #" ?(at )?line \d+(, column \d+)?"#, with: "", options: .regularExpression)
  }
}
