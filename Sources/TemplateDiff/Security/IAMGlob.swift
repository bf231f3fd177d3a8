/// IAM's wildcard matching (`*` any run, `?` one character), case-insensitive as IAM
/// matches action names, used to tell whether a new action or resource was already
/// allowed by an old one (`s3:Get*` covers `s3:GetObject`).
enum IAMGlob {
  static func matches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.lowercased().unicodeScalars)
    let t = Array(text.lowercased().unicodeScalars)
    var pi = 0
    var ti = 0
    var star = -1
    var mark = 0
    while ti < t.count {
      if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
        pi += 1
        ti += 1
      } else if pi < p.count, p[pi] == "*" {
        star = pi
        mark = ti
        pi += 1
      } else if star >= 0 {
        pi = star + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }

  /// Whether some pattern of `patterns` covers `text`.
  static func covered(_ text: String, by patterns: [String]) -> Bool {
    patterns.contains { $0 == text || matches($0, text) }
  }
}
