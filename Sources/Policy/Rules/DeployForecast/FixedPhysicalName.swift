import Template

extension DeployForecast {
  /// DEP001: a template deployed once per environment names its resources per environment.
  static let fixedPhysicalName = Rule(
    id: "DEP001", title: "Physical name carries the environment", severity: .error,
    family: .policy, theme: theme, resourceTypes: nameProperties.keys.sorted(),
    rationale:
      "Aliases, roles, log groups, tables, queues, topics, repositories and compute environments have names unique in an account and region. A template with an environment or stage parameter is deployed more than once; a name that does not depend on that parameter makes the second deployment fail (the name already exists), and an update that replaces the resource fails the same way.",
    remediation:
      "Put the environment parameter (or AWS::StackName) in the name, as in !Sub 'alias/app-${Environment}/data', or leave the name out and let CloudFormation generate one."
  ) { context in
    guard let parameter = deploymentParameter(of: context.template) else { return [] }
    let distinguishing: Set<String> = [parameter, "AWS::StackName", "AWS::StackId"]
    return context.inspectedLogicalIDs.compactMap { logicalID -> Finding? in
      guard let type = context.resourceType(logicalID), type != "AWS::S3::Bucket",
        let property = nameProperties[type],
        let name = context.template.property(property, of: logicalID),
        referencedNames(in: name).isDisjoint(with: distinguishing)
      else { return nil }
      return context.finding(
        "\(noun(type)) name '\(spelled(name))' is the same in every deployment, but the template is deployed once per \(parameter): the second deployment in an account fails because the name exists; put ${\(parameter)} in it",
        logicalID: logicalID, at: name.location ?? context.location(of: logicalID),
        path: "Properties.\(property)")
    }
  }
}
