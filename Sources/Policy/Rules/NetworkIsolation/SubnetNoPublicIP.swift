import Template

extension NetworkIsolation {
  /// NET001: subnets do not give instances public addresses by default.
  static let subnetPublicIP = Rule(
    id: "NET001", title: "Subnet does not assign public IP addresses on launch", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::EC2::Subnet"],
    rationale:
      "With MapPublicIpOnLaunch every instance and task started in the subnet is reachable from the internet as soon as a security group allows it; workloads belong in private subnets behind NAT or VPC endpoints.",
    remediation:
      "Remove MapPublicIpOnLaunch (or set it false); keep public subnets for load balancers and NAT gateways only."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "MapPublicIpOnLaunch"), logicalID: logicalID,
        path: "Properties.MapPublicIpOnLaunch",
        question: "the subnet keeps instances private"
      ) {
        context.expectNotTrue(
          $0, isTrue: "subnet assigns a public IP address to every instance launched in it")
      }
    }
  }
}
