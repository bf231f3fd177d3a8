import Template

extension NetworkIsolation {
  /// NET002: no security group rule admits the whole internet.
  static let openIngress = Rule(
    id: "NET002", title: "Security group does not allow ingress from 0.0.0.0/0 or ::/0",
    severity: .error,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"],
    rationale:
      "An ingress rule open to 0.0.0.0/0 or ::/0 exposes the port to every scanner on the internet; inside a VPC, sources should be other security groups or known ranges. The one expected case is the group of an internet-facing load balancer (AWS::ElasticLoadBalancingV2::LoadBalancer or a classic one, Scheme internet-facing or unset) that is attached to nothing else and opens only TCP 80 or 443: the finding stays, because a reviewer must still sign off that the entry point is meant to be public, but it is a warning that says so.",
    remediation:
      "Replace CidrIp 0.0.0.0/0 / CidrIpv6 ::/0 with SourceSecurityGroupId, a prefix list, or the narrowest range that needs access; put public entry points behind a load balancer. For a public load balancer on 80/443, confirm the exposure and suppress the finding with the reason."
  ) { context in
    let publicEntry = PublicLoadBalancerGroups(context)
    return context.findingsPerResource { logicalID, resource -> [Finding] in
      if resource.type == "AWS::EC2::SecurityGroupIngress" {
        let groups = context.referencedResources(resource.properties["GroupId"])
        return SecurityGroupRuleReading.judgeOpen(
          context.properties(of: logicalID), direction: "ingress", logicalID: logicalID,
          path: "Properties", in: context, lesser: { publicEntry.note(groups: groups, rule: $0) })
      }
      let rules = context.property(logicalID, "SecurityGroupIngress").items()
      return rules.possibilities.flatMap { rule in
        SecurityGroupRuleReading.judgeOpen(
          rules.of(rule), direction: "ingress", logicalID: logicalID,
          path: "Properties.SecurityGroupIngress", in: context,
          lesser: { publicEntry.note(groups: [logicalID], rule: $0) })
      }
    }
  }
}
