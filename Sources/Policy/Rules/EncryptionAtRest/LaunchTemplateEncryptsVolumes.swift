import Template

extension EncryptionAtRest {
  /// ENC009: launch templates encrypt every EBS volume they define, including the root volume.
  static let launchTemplateEncryption = Rule(
    id: "ENC009", title: "Launch template encrypts its EBS volumes", severity: .error,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::EC2::LaunchTemplate"],
    rationale:
      "Instances launched from a template (Batch compute environments, Auto Scaling groups) write scratch data, containers and often input files to EBS; without Encrypted on the block device mappings the volumes follow the AMI and the account default, which may be unencrypted.",
    remediation:
      "Add LaunchTemplateData.BlockDeviceMappings for the root device (and any data volume) with Ebs.Encrypted: true and, ideally, Ebs.KmsKeyId naming a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let data = context.property(logicalID, "LaunchTemplateData")
      let mappings = data.child("BlockDeviceMappings")
      var findings = context.judge(
        mappings.filter { $0.isAbsent || ($0.list?.isEmpty ?? false) }, logicalID: logicalID,
        path: "Properties.LaunchTemplateData.BlockDeviceMappings",
        question: "the volumes are encrypted"
      ) { _ in
        .fail(
          "launch template sets no BlockDeviceMappings with Ebs.Encrypted; volumes follow the AMI and account default"
        )
      }
      let volumes = mappings.items().child("Ebs").filter { !$0.isAbsent }
      findings += context.judge(
        volumes.child("Encrypted"), logicalID: logicalID,
        path: "Properties.LaunchTemplateData.BlockDeviceMappings.Ebs.Encrypted",
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
