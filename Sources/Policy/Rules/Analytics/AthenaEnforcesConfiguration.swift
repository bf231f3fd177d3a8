import Template

extension Analytics {
  /// ATH001: athena workgroups enforce their configuration.
  static let athenaEnforcesConfiguration = Rule(
    id: "ATH001", title: "Athena workgroups enforce their configuration", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Athena::WorkGroup"],
    rationale:
      "Unless EnforceWorkGroupConfiguration is true, each client may override the workgroup's result location and encryption, and write query results unencrypted.",
    remediation:
      "Set WorkGroupConfiguration.EnforceWorkGroupConfiguration: true with ResultConfiguration.EncryptionConfiguration."
  ) { context in
    context.requireTrue(
      "WorkGroupConfiguration", "EnforceWorkGroupConfiguration", question: "the workgroup enforces its configuration",
      absent: "clients may override the workgroup configuration (EnforceWorkGroupConfiguration is not set)",
      isFalse: "clients may override the workgroup configuration (EnforceWorkGroupConfiguration: false)")
  }
}
