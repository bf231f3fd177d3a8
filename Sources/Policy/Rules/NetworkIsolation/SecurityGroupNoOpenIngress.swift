import Template

extension NetworkIsolation {
  /// NET002: no security group rule admits the whole internet.
  static let openIngress = Rule(
    id: "NET002", title: "Security group does not allow ingress from 0.0.0.0/0 or ::/0",
    severity: .error,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"],
    rationale:
      "An ingress rule open to 0.0.0.0/0 or ::/0 exposes the port to every scanner on the internet; inside a VPC, sources should be other security groups or known ranges.",
    remediation:
      "Replace CidrIp 0.0.0.0/0 / CidrIpv6 ::/0 with SourceSecurityGroupId, a prefix list, or the narrowest range that needs access; put public entry points behind a load balancer."
  ) { context in
    context.resources.flatMap { logicalID, resource -> [Finding] in
      if resource.type == "AWS::EC2::SecurityGroupIngress" {
        return SecurityGroupRuleReading.judgeOpen(
          context.properties(of: logicalID), direction: "ingress", logicalID: logicalID,
          path: "Properties", in: context)
      }
      let rules = context.property(logicalID, "SecurityGroupIngress").items()
      return rules.possibilities.flatMap { rule in
        SecurityGroupRuleReading.judgeOpen(
          rules.of(rule), direction: "ingress", logicalID: logicalID,
          path: "Properties.SecurityGroupIngress", in: context)
      }
    }
  }
}
