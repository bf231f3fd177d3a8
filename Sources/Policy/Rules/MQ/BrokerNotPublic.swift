import Template

extension MQ {
  /// MQ001: a broker is not reachable from the internet.
  static let brokerNotPublic = Rule(
    id: "MQ001", title: "Amazon MQ brokers are not publicly accessible", severity: .error,
    family: .policy, theme: theme, resourceTypes: [broker],
    rationale:
      "PubliclyAccessible: true gives the broker a public endpoint: its console and wire protocols are then protected by user passwords alone, open to brute force from anywhere.",
    remediation:
      "Set PubliclyAccessible: false and reach the broker from inside the VPC (SubnetIds, SecurityGroups)."
  ) { context in
    context.requireNotTrue(
      "PubliclyAccessible", question: "the broker is private",
      isTrue: "broker has a public endpoint (PubliclyAccessible: true)")
  }
}
