import Template

extension NetworkIsolation {
  /// NET009: interface endpoints turn on private DNS so clients use them without configuration.
  static let endpointPrivateDNS = Rule(
    id: "NET009", title: "Interface VPC endpoint enables private DNS", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::EC2::VPCEndpoint"],
    rationale:
      "Without PrivateDnsEnabled (CloudFormation's default is false) the service's public name still resolves to public addresses, so SDKs keep going through NAT or the internet and the endpoint and its policy are bypassed.",
    remediation:
      "Set PrivateDnsEnabled: true on Interface endpoints (the VPC needs EnableDnsSupport and EnableDnsHostnames)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let interface = context.property(logicalID, "VpcEndpointType").filter {
        $0.text == "Interface"
      }
      return interface.possibilities.flatMap { type in
        context.judge(
          context.property(logicalID, "PrivateDnsEnabled").after(type), logicalID: logicalID,
          path: "Properties.PrivateDnsEnabled", question: "private DNS is enabled"
        ) {
          context.expectTrue(
            $0,
            absent:
              "interface endpoint does not enable private DNS (PrivateDnsEnabled defaults to false)",
            isFalse: "interface endpoint has PrivateDnsEnabled: false")
        }
      }
    }
  }
}
