import Template

extension LoadBalancing {
  /// ELB003: an application or network load balancer writes access logs.
  static let loadBalancerAccessLogs = Rule(
    id: "ELB003", title: "Application and network load balancers write access logs",
    severity: .warning, family: .policy, theme: theme, resourceTypes: [loadBalancerV2],
    rationale:
      "Access logs are the only record of who sent which request through the load balancer (client address, path, TLS version, target); without them an incident cannot be traced back past the load balancer. They are off unless access_logs.s3.enabled is true. Gateway load balancers have no access logs and are not checked.",
    remediation:
      "Add LoadBalancerAttributes entries access_logs.s3.enabled: \"true\" and access_logs.s3.bucket naming a bucket whose policy lets the regional ELB account (or logdelivery.elasticloadbalancing.amazonaws.com) write."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      guard context.loadBalancerTypes(logicalID).contains(where: { $0 != "gateway" }) else {
        return []
      }
      return context.judge(
        context.loadBalancerAttribute(logicalID, "access_logs.s3.enabled"), logicalID: logicalID,
        path: "Properties.LoadBalancerAttributes", question: "the load balancer writes access logs"
      ) {
        context.expectTrue(
          $0, absent: "load balancer writes no access logs (access_logs.s3.enabled is not set)",
          isFalse: "load balancer access logs are disabled (access_logs.s3.enabled: false)")
      }
    }
  }
}
