import Template

extension NetworkIsolation {
  /// NET010: gateway and interface endpoints carry a policy narrower than the default full access.
  static let endpointPolicy = Rule(
    id: "NET010", title: "VPC endpoint has an endpoint policy", severity: .warning, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::EC2::VPCEndpoint"],
    rationale:
      "An endpoint without PolicyDocument allows every action on every resource of the service, including buckets and tables of other accounts: the classic path for copying data out through an S3 gateway endpoint.",
    remediation:
      "Set PolicyDocument to allow only the actions the VPC's workloads need on the account's own resources (for S3, scope Resource to the buckets and add aws:ResourceAccount)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let types = context.property(logicalID, "VpcEndpointType").filter {
        $0.isAbsent || $0.text == "Gateway" || $0.text == "Interface"
      }
      return types.possibilities.flatMap { type in
        context.judge(
          context.property(logicalID, "PolicyDocument").after(type), logicalID: logicalID,
          path: "Properties.PolicyDocument", question: "the endpoint has a policy"
        ) { possibility in
          possibility.isAbsent
            ? .fail(
              "VPC endpoint has no PolicyDocument, so it allows every action on every resource of the service"
            )
            : .pass
        }
      }
    }
  }
}
