import Template

extension SearchDomains {
  /// SRCH005: the domain has no public endpoint.
  static let insideVPC = Rule(
    id: "SRCH005", title: "OpenSearch domain is inside a VPC", severity: .warning,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "A domain without VPCOptions gets a public endpoint: only its access policy (often an IP condition or a broad principal) stands between the internet and the cluster, and a mistake in it exposes every index.",
    remediation:
      "Set VPCOptions with private SubnetIds and SecurityGroupIds (this replaces the domain), and reach it through the VPC."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requirePresent(
        logicalID, ["VPCOptions"], question: "the domain is inside a VPC",
        absent:
          "domain has a public endpoint: VPCOptions is not set, so only its access policy limits who reaches it"
      )
    }
  }
}
