import Semantics
import Template

extension BatchAndEvents {
  /// BAT002: EC2 compute environments launch from a template that encrypts their volumes.
  static let computeEnvironmentEncryption = Rule(
    id: "BAT002",
    title: "Batch compute environment uses a launch template that encrypts EBS volumes",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: ["AWS::Batch::ComputeEnvironment"],
    rationale:
      "Batch workers write reference genomes, reads and intermediate files to EBS; only a launch template can make their volumes encrypted. Without one, encryption depends on the AMI and the account default, which the template does not show. Fargate and unmanaged environments are not checked.",
    remediation:
      "Set ComputeResources.LaunchTemplate.LaunchTemplateId to !Ref a launch template whose BlockDeviceMappings set Ebs.Encrypted: true (see ENC009)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let resources = context.property(logicalID, "ComputeResources")
      let ec2 = resources.filter { possibility in
        guard !possibility.isAbsent else { return false }
        let kinds = resources.of(possibility).child("Type").possibilities.map(\.text)
        return kinds.contains { $0 == "EC2" || $0 == "SPOT" || $0 == nil }
      }
      return ec2.possibilities.flatMap { computeResources in
        let template = ec2.of(computeResources).child("LaunchTemplate")
        let byID = template.child("LaunchTemplateId")
        let byName = template.child("LaunchTemplateName")
        return context.judge(
          byID, logicalID: logicalID, path: "Properties.ComputeResources.LaunchTemplate",
          question: "the volumes are encrypted"
        ) { identifier in
          var chosen = identifier
          if identifier.isAbsent {
            guard let name = byName.after(identifier).possibilities.first(where: { !$0.isAbsent })
            else {
              return .fail(
                "compute environment has no launch template, so its volumes' encryption is left to the AMI and account default"
              )
            }
            chosen = name
          }
          guard let launchTemplate = LaunchTemplateLookup(context).find(chosen) else {
            if chosen.isUnknown { return .unknown(chosen.unknowableReason) }
            return .unknown(
              "launch template \(chosen.text ?? chosen.string?.description ?? "?") is not defined in this template"
            )
          }
          return LaunchTemplateLookup(context).encryptsEveryVolume(launchTemplate)
            ? .pass
            : .fail(
              "launch template \(launchTemplate) does not set Ebs.Encrypted: true on every volume it defines"
            )
        }
      }
    }
  }
}

/// Finds launch templates of this template by reference or by `LaunchTemplateName`.
struct LaunchTemplateLookup {
  let context: RuleContext

  init(_ context: RuleContext) { self.context = context }

  func find(_ identifier: Resolved) -> String? {
    if let id = context.referencedResource(identifier),
      context.resolver.type(of: id) == "AWS::EC2::LaunchTemplate"
    {
      return id
    }
    guard let name = identifier.text else { return nil }
    return context.resources(ofType: "AWS::EC2::LaunchTemplate").first { _, resource in
      resource.properties["LaunchTemplateName"]?.stringValue == name
    }?.logicalID
  }

  /// True when every branch defines at least one EBS mapping and every mapping is `Encrypted: true`.
  func encryptsEveryVolume(_ logicalID: String) -> Bool {
    let mappings = context.property(logicalID, "LaunchTemplateData", "BlockDeviceMappings")
    guard mappings.possibilities.allSatisfy({ !($0.list?.isEmpty ?? true) }) else { return false }
    let volumes = mappings.items().child("Ebs").filter { !$0.isAbsent }
    guard !volumes.possibilities.isEmpty else { return false }
    return volumes.child("Encrypted").possibilities.allSatisfy { $0.bool == true }
  }
}
