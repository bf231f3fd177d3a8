import Template

extension EncryptionAtRest {
  /// ENC009: instances, launch templates and launch configurations encrypt every EBS volume
  /// they define, including the root volume.
  static let launchTemplateEncryption = Rule(
    id: "ENC009",
    title: "EC2 instance, launch template or launch configuration encrypts its EBS volumes",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: [
      "AWS::EC2::LaunchTemplate", "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration",
    ],
    rationale:
      "Instances (and those launched from a template or configuration: Batch compute environments, Auto Scaling groups) write scratch data, containers and often input files to EBS; without Encrypted on the block device mappings the volumes follow the AMI and the account default, which may be unencrypted. An instance launched from a launch template of the same template is judged on the launch template.",
    remediation:
      "Add BlockDeviceMappings (LaunchTemplateData.BlockDeviceMappings for a launch template) for the root device and any data volume with Ebs.Encrypted: true and, ideally, Ebs.KmsKeyId naming a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let noun = context.launchNoun(logicalID)
      let (settings, path) = context.launchSettings(logicalID)
      let mappings = settings.child("BlockDeviceMappings")
      // An instance launched from a launch template of this template is judged on the template.
      var noMappings = Verdict.fail(
        "\(noun) sets no BlockDeviceMappings with Ebs.Encrypted; volumes follow the AMI and account default"
      )
      if noun == "instance" {
        switch context.launchTemplate(ofInstance: logicalID) {
        case .none: break
        case .local: noMappings = .pass
        case .external(let name):
          noMappings = .unknown(
            "the instance takes its block device mappings from launch template \(name), which this template does not define"
          )
        }
      }
      var findings = context.judge(
        mappings.filter { $0.isAbsent || ($0.list?.isEmpty ?? false) }, logicalID: logicalID,
        path: path + ".BlockDeviceMappings",
        question: "the volumes are encrypted"
      ) { _ in noMappings }
      let volumes = mappings.items().child("Ebs").filter { !$0.isAbsent }
      findings += context.judge(
        volumes.child("Encrypted"), logicalID: logicalID,
        path: path + ".BlockDeviceMappings.Ebs.Encrypted",
        question: "the volumes are encrypted"
      ) {
        context.expectTrue(
          $0, absent: "EBS volume mapping does not set Encrypted: true",
          isFalse: "EBS volume mapping has Encrypted: false")
      }
      return findings
    }
  }
}
