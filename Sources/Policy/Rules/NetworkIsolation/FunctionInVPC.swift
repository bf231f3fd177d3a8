import Template

extension NetworkIsolation {
  /// NET007: Lambda functions run inside a VPC; a warning when the template builds one.
  static let functionInVPC = Rule(
    id: "NET007", title: "Lambda function runs in a VPC", severity: .warning, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::Lambda::Function"],
    rationale:
      "A function outside a VPC reaches the internet directly, bypassing the endpoints, flow logs and egress rules the VPC sets up for everything else. When the template declares an AWS::EC2::VPC the finding is a warning (the function skips the network built for it); otherwise it is info, since the function may legitimately need no private network.",
    remediation:
      "Set VpcConfig with SubnetIds of private subnets and SecurityGroupIds whose egress is restricted."
  ) { context in
    let templateHasVPC = context.declares("AWS::EC2::VPC")
    return context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "VpcConfig", "SubnetIds"), logicalID: logicalID,
        path: "Properties.VpcConfig",
        question: "the function runs in a VPC"
      ) { possibility in
        guard possibility.isAbsent || (possibility.list?.isEmpty ?? false) else { return .pass }
        return templateHasVPC
          ? .fail(
            "function runs outside the VPC the template defines; set VpcConfig with private subnets"
          )
          : .fail(
            "function runs outside any VPC; set VpcConfig if it handles data that should stay on a private network",
            severity: .info)
      }
    }
  }
}
