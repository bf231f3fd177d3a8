import Template

extension ApplicationServices {
  /// VPE001: vPC endpoint services accept connections by hand.
  static let endpointServiceAcceptance = Rule(
    id: "VPE001", title: "VPC endpoint services accept connections by hand", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::EC2::VPCEndpointService"],
    rationale:
      "Without AcceptanceRequired every principal the service's permissions allow is connected at once; manual acceptance reviews each consumer.",
    remediation:
      "Set AcceptanceRequired: true."
  ) { context in
    context.requireTrue(
      "AcceptanceRequired", question: "connections are accepted by hand",
      absent: "endpoint service accepts every allowed consumer at once (AcceptanceRequired is not set)",
      isFalse: "endpoint service accepts every allowed consumer at once (AcceptanceRequired: false)")
  }
}
