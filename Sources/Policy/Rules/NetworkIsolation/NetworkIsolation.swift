/// Network isolation: workloads sit in private subnets, reach AWS through endpoints, and are
/// reachable only from where they must be.
public enum NetworkIsolation {
  public static let theme = "network-isolation"

  public static var rules: [Rule] {
    [
      subnetPublicIP, openIngress, unrestrictedEgress, launchTemplatePublicIP, launchTemplateIMDSv2,
      computeEnvironmentPrivateSubnets, functionInVPC, vpcFlowLogs, endpointPrivateDNS,
      endpointPolicy,
    ]
  }
}
