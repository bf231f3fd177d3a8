import Template

extension Analytics {
  /// GLU003: Glue jobs, crawlers and endpoints name a security configuration.
  static let glueUsesSecurityConfiguration = Rule(
    id: "GLU003", title: "Glue jobs, crawlers and development endpoints use a security configuration", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Glue::Job", "AWS::Glue::Crawler", "AWS::Glue::DevEndpoint"],
    rationale:
      "Without a security configuration a job, crawler or endpoint writes its S3 output, logs and bookmarks without encryption the account controls.",
    remediation:
      "Set SecurityConfiguration (CrawlerSecurityConfiguration for crawlers) to an AWS::Glue::SecurityConfiguration that encrypts."
  ) { context in
    context.findingsPerResource { logicalID, resource in
      let key =
        resource.type == "AWS::Glue::Crawler" ? "CrawlerSecurityConfiguration" : "SecurityConfiguration"
      return context.requirePresent(
        logicalID, [key], question: "a security configuration applies",
        absent: "no security configuration applies (\(key) is not set)")
    }
  }
}
