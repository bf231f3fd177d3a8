import Template

extension Finding {
  /// A template the reader rejected, as a finding, so one reporter prints reader errors and check
  /// findings alike (`file:line:col: error E0006: ...`).
  public init(_ error: TemplateError) {
    self.init(
      ruleID: error.id.rawValue, severity: .error, message: error.message, location: error.location)
  }

  /// Something the reader noticed in a template it still read (W0001, a file over 1 MB).
  public init(_ warning: TemplateWarning) {
    self.init(
      ruleID: warning.id, severity: .warning, message: warning.message, location: warning.location)
  }
}
