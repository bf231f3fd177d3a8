import Template

extension KubernetesClusters {
  /// EKS002: the Kubernetes API endpoint is not open to the whole internet.
  static let publicEndpoint = Rule(
    id: "EKS002", title: "EKS cluster API endpoint is not open to the internet", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::EKS::Cluster"],
    rationale:
      "EndpointPublicAccess defaults to true with PublicAccessCidrs 0.0.0.0/0: the Kubernetes API server then answers anyone on the internet, leaving authentication as the only barrier against credential theft and API-server vulnerabilities.",
    remediation:
      "Set ResourcesVpcConfig.EndpointPublicAccess: false and EndpointPrivateAccess: true, or limit PublicAccessCidrs to the networks administrators use."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let config = context.property(logicalID, "ResourcesVpcConfig")
      let publicAccess = config.child("EndpointPublicAccess").filter { $0.bool != false }
      return publicAccess.possibilities.flatMap { access -> [Finding] in
        if !access.isAbsent, access.bool == nil {
          return context.judge(
            config.of(access), logicalID: logicalID,
            path: "Properties.ResourcesVpcConfig.EndpointPublicAccess",
            question: "the endpoint is private"
          ) { _ in .unknown(access.unknowableReason) }
        }
        let cidrs = config.child("PublicAccessCidrs").after(access)
        return context.judge(
          cidrs, logicalID: logicalID, path: "Properties.ResourcesVpcConfig.PublicAccessCidrs",
          question: "the endpoint is private"
        ) { possibility in
          if possibility.isAbsent {
            return .fail(
              "cluster API endpoint is open to the internet: EndpointPublicAccess is not false and PublicAccessCidrs defaults to 0.0.0.0/0"
            )
          }
          guard let list = possibility.list else { return .unknown(possibility.unknowableReason) }
          let blocks = list.flatMap { context.resolver.resolve($0) }
          if blocks.contains(where: { $0.text == "0.0.0.0/0" || $0.text == "::/0" }) {
            return .fail(
              "cluster API endpoint is open to the internet (PublicAccessCidrs 0.0.0.0/0)")
          }
          return .pass
        }
      }.uniqued()
    }
  }
}
