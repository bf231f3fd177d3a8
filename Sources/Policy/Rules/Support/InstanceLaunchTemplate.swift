import Template

/// Where an EC2 instance's launch settings come from when it does not set them itself.
enum InstanceLaunchTemplate {
  /// No `LaunchTemplate`: what the instance does not set takes the AMI's and the account's
  /// defaults.
  case none
  /// A launch template of this template: the rules judge it there.
  case local(String)
  /// A launch template made elsewhere (a parameter, an import, a literal id or name).
  case external(String)
}

extension RuleContext {
  /// The launch template an `AWS::EC2::Instance` is launched from.
  func launchTemplate(ofInstance logicalID: String) -> InstanceLaunchTemplate {
    let template = property(logicalID, "LaunchTemplate")
    guard template.possibilities.contains(where: { !$0.isAbsent }) else { return .none }
    let names =
      template.child("LaunchTemplateId").possibilities
      + template.child("LaunchTemplateName").possibilities
    for name in names where !name.isAbsent {
      if let target = referencedResource(name),
        resourceType(target) == "AWS::EC2::LaunchTemplate"
      {
        return .local(target)
      }
    }
    let described = names.first { !$0.isAbsent }.map { $0.text ?? $0.unknowableReason }
    return .external(described ?? "the one LaunchTemplate names")
  }

  /// "launch template", "instance" or "launch configuration", for messages.
  func launchNoun(_ logicalID: String) -> String {
    switch resourceType(logicalID) {
    case "AWS::EC2::Instance": return "instance"
    case "AWS::AutoScaling::LaunchConfiguration": return "launch configuration"
    default: return "launch template"
    }
  }

  /// The keys below `Properties` where a launch template, an instance or a launch configuration
  /// keeps its launch settings.
  func launchSettings(_ logicalID: String) -> (reading: Reading, path: String) {
    resourceType(logicalID) == "AWS::EC2::LaunchTemplate"
      ? (property(logicalID, "LaunchTemplateData"), "Properties.LaunchTemplateData")
      : (properties(of: logicalID), "Properties")
  }
}
