import Template

extension MachineLearning {
  /// SGM004: sageMaker data quality jobs encrypt traffic between instances.
  static let dataQualityTrafficEncrypted = Rule(
    id: "SGM004", title: "SageMaker data quality jobs encrypt traffic between instances", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::SageMaker::DataQualityJobDefinition"],
    rationale:
      "With more than one instance the job exchanges the monitored data between them; without inter-container encryption that traffic is clear text.",
    remediation:
      "Set NetworkConfig.EnableInterContainerTrafficEncryption: true."
  ) { context in
    context.requireTrue(
      "NetworkConfig", "EnableInterContainerTrafficEncryption", question: "traffic between instances is encrypted",
      absent: "traffic between job instances is not encrypted (EnableInterContainerTrafficEncryption is not set)",
      isFalse: "traffic between job instances is not encrypted (EnableInterContainerTrafficEncryption: false)")
  }
}
