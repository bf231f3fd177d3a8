import Template

extension KubernetesClusters {
  /// EKS001: Kubernetes secrets are envelope-encrypted with a KMS key.
  static let secretsEncryption = Rule(
    id: "EKS001", title: "EKS cluster encrypts Kubernetes secrets with a KMS key", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::EKS::Cluster"],
    rationale:
      "Without EncryptionConfig for secrets, Kubernetes Secret objects (service-account tokens, database passwords) are stored in etcd protected only by the volume encryption AWS manages; envelope encryption with a KMS key puts them behind a key policy and CloudTrail.",
    remediation:
      "Set EncryptionConfig: [{Resources: [secrets], Provider: {KeyArn: !GetAtt Key.Arn}}]."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let configs = context.property(logicalID, "EncryptionConfig")
      return configs.possibilities.flatMap { config -> [Finding] in
        let entries = configs.of(config).items()
        let forSecrets = entries.filter { entry in
          context.reading([entry]).child("Resources").items().possibilities.contains {
            $0.text == "secrets"
          }
        }
        guard !forSecrets.possibilities.isEmpty else {
          let unknown = entries.child("Resources").items().possibilities.first { $0.text == nil }
          return context.judge(
            configs.of(config), logicalID: logicalID, path: "Properties.EncryptionConfig",
            question: "secrets are encrypted"
          ) { _ in
            if let unknown { return .unknown(unknown.unknowableReason) }
            return .fail(
              "cluster does not encrypt Kubernetes secrets: no EncryptionConfig entry covers secrets"
            )
          }
        }
        return context.judge(
          forSecrets.child("Provider").child("KeyArn"), logicalID: logicalID,
          path: "Properties.EncryptionConfig.Provider.KeyArn", question: "secrets are encrypted"
        ) {
          context.customerManagedKey(
            $0, absent: "EncryptionConfig for secrets names no Provider.KeyArn")
        }
      }
    }
  }
}
