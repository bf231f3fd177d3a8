import Template

extension NetworkIsolation {
  /// NET005: instances, launch templates and launch configurations require IMDSv2 session
  /// tokens (or turn the metadata service off).
  static let launchTemplateIMDSv2 = Rule(
    id: "NET005",
    title:
      "EC2 instance, launch template or launch configuration requires IMDSv2 (HttpTokens: required)",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: [
      "AWS::EC2::LaunchTemplate", "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration",
    ],
    rationale:
      "IMDSv1 answers any GET from the instance, so one server-side request forgery in a container hands out the instance role's credentials; IMDSv2 requires a session token obtained with a PUT. An instance launched from a launch template of the same template is judged on the launch template.",
    remediation:
      "Set MetadataOptions.HttpTokens: required (in LaunchTemplateData for a launch template; HttpPutResponseHopLimit: 2 for containers), or HttpEndpoint: disabled where nothing needs instance metadata."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let noun = context.launchNoun(logicalID)
      let (settings, path) = context.launchSettings(logicalID)
      let options = settings.child("MetadataOptions")
      var inherited: String?
      if noun == "instance", !options.possibilities.contains(where: { !$0.isAbsent }) {
        switch context.launchTemplate(ofInstance: logicalID) {
        case .none: break
        case .local: return []
        case .external(let name):
          inherited =
            "the instance takes its metadata options from launch template \(name), which this template does not define"
        }
      }
      let endpoints = options.child("HttpEndpoint").filter { $0.text != "disabled" }
      return endpoints.possibilities.flatMap { endpoint in
        context.judge(
          options.child("HttpTokens").after(endpoint),
          logicalID: logicalID, path: path + ".MetadataOptions.HttpTokens",
          question: "IMDSv2 is required"
        ) { possibility in
          switch context.literal(possibility) {
          case .failure(let unknown): return .unknown(unknown.reason)
          case .success("required"?): return .pass
          case .success(nil):
            if let inherited { return .unknown(inherited) }
            return .fail(
              "\(noun) allows IMDSv1: MetadataOptions.HttpTokens is not set to required")
          case .success(let value?):
            return .fail("\(noun) allows IMDSv1: HttpTokens is \(value), not required")
          }
        }
      }.uniqued()
    }
  }
}
