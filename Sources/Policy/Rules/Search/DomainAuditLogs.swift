import Template

extension SearchDomains {
  /// SRCH007: the domain publishes audit logs.
  static let auditLogs = Rule(
    id: "SRCH007", title: "OpenSearch domain publishes audit logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Audit logs record who authenticated and which indices they read or changed; without them an access-policy or fine-grained-access mistake leaves no trace of what was taken.",
    remediation:
      "Enable fine-grained access control (AdvancedSecurityOptions) and set LogPublishingOptions.AUDIT_LOGS with Enabled: true and CloudWatchLogsLogGroupArn."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["LogPublishingOptions", "AUDIT_LOGS", "Enabled"],
        question: "audit logs are published",
        absent: "domain publishes no audit logs: LogPublishingOptions.AUDIT_LOGS is not enabled",
        isFalse: "domain publishes no audit logs (AUDIT_LOGS.Enabled: false)")
    }
  }
}
