import Template

extension DeployForecast {
  /// DEP003: an exported value stays the same across ordinary updates.
  static let unstableExport = Rule(
    id: "DEP003", title: "Export does not change on an ordinary update", severity: .error,
    family: .policy, theme: theme, resourceTypes: [],
    rationale:
      "CloudFormation refuses to change the value of an export another stack imports. A job definition's or task definition's Ref is its ARN with the revision, a Lambda version's Ref ends in the version, and a launch template's LatestVersionNumber grows: each changes on an ordinary update (a new image tag, new code), so the update of the exporting stack fails while anything imports it.",
    remediation:
      "Export a value that survives the update: a job definition's name or its ARN without the revision (SubmitJob then runs the latest revision), a function's ARN or an alias instead of a version, the launch template's id (and let importers use $Latest or their own version)."
  ) { context in
    context.template.outputs.entries.compactMap { entry -> Finding? in
      let output = entry.value
      guard output.exportName != nil else { return nil }
      for (resource, attribute) in output.value.references {
        guard let type = context.resourceType(resource),
          let changing = changingValue(type: type, attribute: attribute)
        else { continue }
        return context.finding(
          "export of \(resource)'s \(attribute ?? "Ref") (\(changing)) changes on an ordinary update, and CloudFormation then refuses to update this stack while another stack imports it; export a value that stays the same",
          logicalID: entry.key, at: output.value.location ?? output.location, path: "Outputs.\(entry.key).Value")
      }
      return nil
    }
  }

  /// What the reference stands for when it changes on ordinary updates; nil when it is stable.
  static func changingValue(type: String, attribute: String?) -> String? {
    switch (type, attribute) {
    case ("AWS::Batch::JobDefinition", nil), ("AWS::Batch::JobDefinition", "JobDefinitionArn"):
      return "the job definition's ARN with its revision"
    case ("AWS::ECS::TaskDefinition", nil), ("AWS::ECS::TaskDefinition", "TaskDefinitionArn"):
      return "the task definition's ARN with its revision"
    case ("AWS::Lambda::Version", _): return "a function version, new with every code change"
    case ("AWS::Lambda::LayerVersion", nil), ("AWS::Lambda::LayerVersion", "LayerVersionArn"):
      return "a layer version, new with every content change"
    case ("AWS::EC2::LaunchTemplate", "LatestVersionNumber"):
      return "the launch template's latest version, one more with every change"
    case ("AWS::ApiGateway::Deployment", nil): return "a deployment id, new with every deployment"
    default: return nil
    }
  }
}
