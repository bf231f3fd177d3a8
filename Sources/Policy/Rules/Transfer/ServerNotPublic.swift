import Template

extension Transfer {
  /// TRF002: a server's endpoint is in a VPC.
  static let serverNotPublic = Rule(
    id: "TRF002", title: "Transfer Family servers use a VPC endpoint", severity: .warning,
    family: .policy, theme: theme, resourceTypes: [server],
    rationale:
      "EndpointType PUBLIC (the default) puts the server on the internet with no security group in front of it; a VPC endpoint, internal or with Elastic IPs, is filtered by security groups and network ACLs.",
    remediation:
      "Set EndpointType: VPC with EndpointDetails (VpcId, SubnetIds, SecurityGroupIds, and AddressAllocationIds for internet-facing access)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "EndpointType"), logicalID: logicalID,
        path: "Properties.EndpointType", question: "the server uses a VPC endpoint"
      ) {
        context.expectNone(
          of: ["PUBLIC"], $0,
          absent: "server has a public endpoint (EndpointType is not set and defaults to PUBLIC)"
        ) { "server has a public endpoint (EndpointType: \($0))" }
      }
    }
  }
}
