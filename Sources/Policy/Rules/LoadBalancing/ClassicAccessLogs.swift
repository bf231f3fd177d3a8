import Template

extension LoadBalancing {
  /// ELB006: a classic load balancer writes access logs.
  static let classicAccessLogs = Rule(
    id: "ELB006", title: "Classic load balancers write access logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: [classic],
    rationale:
      "Access logs are the only record of who sent which request through the load balancer; a classic load balancer writes none unless AccessLoggingPolicy.Enabled is true.",
    remediation:
      "Set AccessLoggingPolicy: {Enabled: true, S3BucketName: ..., EmitInterval: 5} with a bucket the regional ELB account may write to."
  ) { context in
    context.requireTrue(
      "AccessLoggingPolicy", "Enabled", question: "the load balancer writes access logs",
      absent: "load balancer writes no access logs (AccessLoggingPolicy.Enabled is not set)",
      isFalse: "load balancer access logs are disabled (AccessLoggingPolicy.Enabled: false)")
  }
}
