import Semantics
import Template

extension NetworkIsolation {
  /// NET003: when the template provides VPC endpoints, security groups do not also allow all egress.
  static let unrestrictedEgress = Rule(
    id: "NET003", title: "Security group restricts egress where VPC endpoints suffice",
    severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress"],
    rationale:
      "A template that builds VPC endpoints means its workloads reach AWS privately; an egress rule to 0.0.0.0/0 (or no egress rule, which CloudFormation leaves as allow-all) still lets a compromised task send data anywhere. Only templates that declare an AWS::EC2::VPCEndpoint are checked.",
    remediation:
      "Add SecurityGroupEgress rules to the endpoints' security group (DestinationSecurityGroupId), the gateway endpoints' prefix lists (DestinationPrefixListId) and the ranges the workload truly needs."
  ) { context in
    guard context.declares("AWS::EC2::VPCEndpoint") else { return [] }
    // Each finding says its kind (`scope["egress"]`: `missing` or `open`): cfn_nag's F1000
    // is about a group without egress rules, W5 about a rule open to the world.
    let kind = { (findings: [Finding], egress: String) in
      findings.map { finding in
        var finding = finding
        finding.scope["egress"] = egress
        return finding
      }
    }
    return context.findingsPerResource { logicalID, resource -> [Finding] in
      if resource.type == "AWS::EC2::SecurityGroupEgress" {
        return kind(SecurityGroupRuleReading.judgeOpen(
          context.properties(of: logicalID), direction: "egress", logicalID: logicalID,
          path: "Properties", in: context), "open")
      }
      let egress = context.property(logicalID, "SecurityGroupEgress")
      var findings = kind(context.judge(
        egress.filter { $0.isAbsent || ($0.list?.isEmpty ?? false) }, logicalID: logicalID,
        path: "Properties.SecurityGroupEgress", question: "egress is restricted"
      ) { _ in
        .fail(
          "security group has no SecurityGroupEgress, so it keeps the default rule allowing all egress although the template provides VPC endpoints"
        )
      }, "missing")
      let rules = egress.items()
      findings += kind(
        rules.possibilities.flatMap { rule in
          SecurityGroupRuleReading.judgeOpen(
            rules.of(rule), direction: "egress", logicalID: logicalID,
            path: "Properties.SecurityGroupEgress", in: context)
        }, "open")
      return findings
    }
  }
}
