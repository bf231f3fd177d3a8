import Template

extension LoadBalancing {
  /// ELB004: an application load balancer drops HTTP headers that are not valid.
  static let loadBalancerDropsInvalidHeaders = Rule(
    id: "ELB004", title: "Application load balancers drop invalid HTTP header fields",
    severity: .warning, family: .policy, theme: theme, resourceTypes: [loadBalancerV2],
    rationale:
      "By default an application load balancer forwards header names that are not valid HTTP (with spaces, underscores in odd places, control characters). Targets and proxies that parse them differently can be led into request smuggling or header spoofing (a second X-Forwarded-For).",
    remediation:
      "Add the LoadBalancerAttributes entry routing.http.drop_invalid_header_fields.enabled: \"true\"."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      guard context.loadBalancerTypes(logicalID).contains("application") else { return [] }
      return context.judge(
        context.loadBalancerAttribute(logicalID, "routing.http.drop_invalid_header_fields.enabled"),
        logicalID: logicalID, path: "Properties.LoadBalancerAttributes",
        question: "the load balancer drops invalid header fields"
      ) {
        context.expectTrue(
          $0,
          absent:
            "load balancer forwards invalid HTTP header fields (routing.http.drop_invalid_header_fields.enabled is not set)",
          isFalse:
            "load balancer forwards invalid HTTP header fields (routing.http.drop_invalid_header_fields.enabled: false)"
        )
      }
    }
  }
}
