import Template

extension NetworkIsolation {
  /// NET007: when the template builds a VPC, its Lambda functions run inside one.
  static let functionInVPC = Rule(
    id: "NET007", title: "Lambda function runs in the template's VPC", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::Lambda::Function"],
    rationale:
      "A function outside a VPC reaches the internet directly, bypassing the VPC's endpoints, flow logs and egress rules that the template sets up for everything else. Only templates that declare an AWS::EC2::VPC are checked.",
    remediation:
      "Set VpcConfig with SubnetIds of private subnets and SecurityGroupIds whose egress is restricted."
  ) { context in
    guard context.declares("AWS::EC2::VPC") else { return [] }
    return context.resources.flatMap { logicalID, _ in
      context.judge(
        context.property(logicalID, "VpcConfig", "SubnetIds"), logicalID: logicalID,
        path: "Properties.VpcConfig",
        question: "the function runs in a VPC"
      ) { possibility in
        possibility.isAbsent || (possibility.list?.isEmpty ?? false)
          ? .fail(
            "function runs outside the VPC the template defines; set VpcConfig with private subnets"
          ) : .pass
      }
    }
  }
}
