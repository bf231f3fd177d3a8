import Template

extension CloudTrail {
  /// TRL002: a trail writes digest files so that changed or deleted log files are detected.
  static let trailValidatesLogFiles = Rule(
    id: "TRL002", title: "CloudTrail log file validation is enabled", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::CloudTrail::Trail"],
    rationale:
      "With EnableLogFileValidation CloudTrail signs an hourly digest of the files it delivered, so an intruder who edits or deletes log files to hide their tracks is detected (aws cloudtrail validate-logs). CloudFormation leaves it off.",
    remediation: "Set EnableLogFileValidation: true."
  ) { context in
    context.requireTrue(
      "EnableLogFileValidation", question: "the trail validates its log files",
      absent: "trail does not validate its log files: EnableLogFileValidation is not set and defaults to false",
      isFalse: "trail log file validation is disabled (EnableLogFileValidation: false)")
  }
}
