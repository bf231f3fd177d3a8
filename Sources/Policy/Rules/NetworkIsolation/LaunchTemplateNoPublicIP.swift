import Template

extension NetworkIsolation {
  /// NET004: launch templates do not give their instances public addresses.
  static let launchTemplatePublicIP = Rule(
    id: "NET004", title: "Launch template does not associate public IP addresses", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::EC2::LaunchTemplate"],
    rationale:
      "AssociatePublicIpAddress on a network interface puts every instance of the template (a Batch compute environment's workers, say) on the internet whatever the subnet's setting.",
    remediation:
      "Remove AssociatePublicIpAddress (or set it false) and launch into private subnets with NAT or VPC endpoints."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "LaunchTemplateData", "NetworkInterfaces").items().child(
          "AssociatePublicIpAddress"),
        logicalID: logicalID,
        path: "Properties.LaunchTemplateData.NetworkInterfaces.AssociatePublicIpAddress",
        question: "instances stay private"
      ) {
        context.expectNotTrue($0, isTrue: "launch template gives its instances a public IP address")
      }
    }
  }
}
