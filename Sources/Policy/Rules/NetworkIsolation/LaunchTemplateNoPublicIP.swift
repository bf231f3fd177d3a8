import Template

extension NetworkIsolation {
  /// NET004: instances, launch templates and launch configurations do not give their instances
  /// public addresses.
  static let launchTemplatePublicIP = Rule(
    id: "NET004",
    title:
      "EC2 instance, launch template or launch configuration does not associate public IP addresses",
    severity: .error,
    family: .policy,
    theme: theme,
    resourceTypes: [
      "AWS::EC2::LaunchTemplate", "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration",
    ],
    rationale:
      "AssociatePublicIpAddress on a network interface (or on a launch configuration) puts the instance, or every instance of the template (a Batch compute environment's workers, an Auto Scaling group), on the internet whatever the subnet's setting.",
    remediation:
      "Remove AssociatePublicIpAddress (or set it false) and launch into private subnets with NAT or VPC endpoints; put internet-facing services behind a load balancer."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let noun = context.launchNoun(logicalID)
      let message =
        noun == "instance"
        ? "instance has a public IP address (AssociatePublicIpAddress: true)"
        : "\(noun) gives its instances a public IP address"
      let (settings, path) = context.launchSettings(logicalID)
      let flags =
        noun == "launch configuration"
        ? settings.child("AssociatePublicIpAddress")
        : settings.child("NetworkInterfaces").items().child("AssociatePublicIpAddress")
      return context.judge(
        flags, logicalID: logicalID,
        path: path + (noun == "launch configuration" ? "" : ".NetworkInterfaces")
          + ".AssociatePublicIpAddress",
        question: "instances stay private"
      ) { context.expectNotTrue($0, isTrue: message) }
    }
  }
}
