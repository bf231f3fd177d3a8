import Template

extension NetworkIsolation {
  /// NET005: launch templates require IMDSv2 session tokens.
  static let launchTemplateIMDSv2 = Rule(
    id: "NET005", title: "Launch template requires IMDSv2 (HttpTokens: required)", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::EC2::LaunchTemplate"],
    rationale:
      "IMDSv1 answers any GET from the instance, so one server-side request forgery in a container hands out the instance role's credentials; IMDSv2 requires a session token obtained with a PUT.",
    remediation:
      "Set LaunchTemplateData.MetadataOptions.HttpTokens: required (and HttpPutResponseHopLimit: 2 for containers)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "LaunchTemplateData", "MetadataOptions", "HttpTokens"),
        logicalID: logicalID,
        path: "Properties.LaunchTemplateData.MetadataOptions.HttpTokens",
        question: "IMDSv2 is required"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success("required"?): return .pass
        case .success(nil):
          return .fail(
            "launch template allows IMDSv1: MetadataOptions.HttpTokens is not set to required")
        case .success(let value?):
          return .fail("launch template allows IMDSv1: HttpTokens is \(value), not required")
        }
      }
    }
  }
}
