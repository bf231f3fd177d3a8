import Policy

/// IAM's wildcard matching for the security section: whether a new action or resource was
/// already allowed by an old one (`s3:Get*` covers `s3:GetObject`). The matching itself is the
/// policy checker's `Glob`, case-insensitive as IAM matches action names, so the differ and the
/// checker never disagree about what a pattern covers.
enum IAMGlob {
  /// Whether some pattern of `patterns` covers `text`.
  static func covered(_ text: String, by patterns: [String]) -> Bool {
    patterns.contains { $0 == text || Glob.match($0, text, ignoringCase: true) }
  }
}
