import Template

extension EncryptionAtRest {
  /// ENC010: standalone EBS volumes are encrypted.
  static let volumeEncryption = Rule(
    id: "ENC010", title: "EBS volume is encrypted", severity: .error, family: .policy, theme: theme,
    resourceTypes: ["AWS::EC2::Volume"],
    rationale:
      "An unencrypted volume and every snapshot taken of it hold data in the clear, and cannot be encrypted in place later.",
    remediation: "Set Encrypted: true and KmsKeyId to a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Encrypted"), logicalID: logicalID,
        path: "Properties.Encrypted",
        question: "the volume is encrypted"
      ) {
        context.expectTrue(
          $0,
          absent:
            "volume is not encrypted: Encrypted is not set (and the account default is not part of the template)",
          isFalse: "volume is not encrypted (Encrypted: false)")
      }
    }
  }
}
