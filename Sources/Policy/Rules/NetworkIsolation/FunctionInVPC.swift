import Template

extension NetworkIsolation {
  /// NET007: Lambda functions run inside a VPC; a warning when the template builds one.
  static let functionInVPC = Rule(
    id: "NET007", title: "Lambda function runs in a VPC", severity: .warning, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::Lambda::Function", "AWS::Serverless::Function"],
    rationale:
      "A function outside a VPC reaches the internet directly, bypassing the endpoints, flow logs and egress rules the VPC sets up for everything else. When the template declares an AWS::EC2::VPC the finding is a warning (the function skips the network built for it); otherwise it is info, since the function may legitimately need no private network. A function an AWS::Greengrass::FunctionDefinition deploys runs on the Greengrass core device, where VpcConfig means nothing, and is not reported.",
    remediation:
      "Set VpcConfig with SubnetIds of private subnets and SecurityGroupIds whose egress is restricted."
  ) { context in
    let templateHasVPC = context.declares("AWS::EC2::VPC")
    let onDevices = context.greengrassFunctions()
    return context.inspectedLogicalIDs.filter { !onDevices.contains($0) }.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "VpcConfig", "SubnetIds"), logicalID: logicalID,
        path: "Properties.VpcConfig",
        question: "the function runs in a VPC"
      ) { possibility in
        guard possibility.isAbsent || (possibility.list?.isEmpty ?? false) else { return .pass }
        return templateHasVPC
          ? .fail(
            "function runs outside the VPC the template defines; set VpcConfig with private subnets"
          )
          : .fail(
            "function runs outside any VPC; set VpcConfig if it handles data that should stay on a private network",
            severity: .info)
      }
    }
  }
}

extension RuleContext {
  /// The Lambda functions that Greengrass function definitions deploy to core devices,
  /// named directly or through a version or alias (`FunctionArn: !Ref FunctionVersion`).
  func greengrassFunctions() -> Set<String> {
    var functions: Set<String> = []
    for (type, path) in [
      ("AWS::Greengrass::FunctionDefinition", "InitialVersion.Functions.*.FunctionArn"),
      ("AWS::Greengrass::FunctionDefinitionVersion", "Functions.*.FunctionArn"),
    ] {
      for (definition, _) in resources(ofType: type) {
        for named in resolver.property(path, of: definition).flatMap({
          $0.string?.referencedResources ?? []
        }) {
          switch template.resources[named]?.type {
          case "AWS::Lambda::Function": functions.insert(named)
          case "AWS::Lambda::Version", "AWS::Lambda::Alias":
            for function in resolver.property("FunctionName", of: named).flatMap({
              $0.string?.referencedResources ?? []
            }) {
              functions.insert(function)
            }
          default: continue
          }
        }
      }
    }
    return functions
  }
}
