import Policy
import Template

/// The policy checker's findings that a change introduces or fixes.
///
/// Findings are matched by rule, logical id and message, never by location: lines move
/// whenever anything above them changes. Suppressed findings are left out on both sides.
enum FindingComparison {
  /// The findings of `new` that `old` lacks, and the other way round; each side as the
  /// `Checker` reports it, suppressions applied.
  static func compare(old: [Finding], new: [Finding]) -> (
    introduced: [Finding], fixed: [Finding]
  ) {
    let before = old.filter { !$0.isSuppressed }
    let after = new.filter { !$0.isSuppressed }
    var beforeKeys: [String: Int] = [:]
    for finding in before { beforeKeys[finding.diffKey, default: 0] += 1 }
    var afterKeys: [String: Int] = [:]
    for finding in after { afterKeys[finding.diffKey, default: 0] += 1 }
    var introduced: [Finding] = []
    var remaining = beforeKeys
    for finding in after {
      if let count = remaining[finding.diffKey], count > 0 {
        remaining[finding.diffKey] = count - 1
      } else {
        introduced.append(finding)
      }
    }
    var fixed: [Finding] = []
    remaining = afterKeys
    for finding in before {
      if let count = remaining[finding.diffKey], count > 0 {
        remaining[finding.diffKey] = count - 1
      } else {
        fixed.append(finding)
      }
    }
    return (introduced, fixed)
  }
}
