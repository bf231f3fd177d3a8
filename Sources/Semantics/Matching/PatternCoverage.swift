/// Whether texts are covered by IAM patterns (`s3:Get*` covers `s3:GetObject`), matched
/// case-insensitively as IAM matches action names: how the diff tells a widened statement
/// from a rewritten one, with the same `Glob` the checker evaluates policies with.
package enum PatternCoverage {
  /// Whether some pattern of `patterns` covers `text`.
  package static func covered(_ text: String, by patterns: [String]) -> Bool {
    patterns.contains { $0 == text || Glob.match($0, text, ignoringCase: true) }
  }

  /// The most pattern matches one comparison of two lists makes: a statement of ten thousand
  /// actions against another of ten thousand patterns would otherwise take a hundred million.
  package static let matchBudget = 100_000

  /// Whether every text of `texts` is covered by some pattern of `patterns`. Texts written the
  /// same on both sides are found in a set; only patterns with a wildcard are matched, within
  /// `matchBudget` matches, past which the answer is no: a change that cannot be shown to stay
  /// within the old statement is reported as possibly widening it.
  package static func coversAll(_ texts: [String], by patterns: [String]) -> Bool {
    let exact = Set(patterns.map { $0.lowercased() })
    let wildcards = patterns.filter { $0.contains("*") || $0.contains("?") }
    var budget = matchBudget
    for text in texts where !exact.contains(text.lowercased()) {
      guard budget >= wildcards.count else { return false }
      budget -= wildcards.count
      if !wildcards.contains(where: { Glob.match($0, text, ignoringCase: true) }) { return false }
    }
    return true
  }
}
