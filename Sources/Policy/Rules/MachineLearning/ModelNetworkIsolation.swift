import Template

extension MachineLearning {
  /// SGM005: sageMaker models run with network isolation.
  static let modelNetworkIsolation = Rule(
    id: "SGM005", title: "SageMaker models run with network isolation", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::SageMaker::Model"],
    rationale:
      "Without EnableNetworkIsolation the model container can make outbound calls: third-party model code can send inference data anywhere.",
    remediation:
      "Set EnableNetworkIsolation: true."
  ) { context in
    context.requireTrue(
      "EnableNetworkIsolation", question: "the model runs isolated",
      absent: "model container may reach the network (EnableNetworkIsolation is not set)",
      isFalse: "model container may reach the network (EnableNetworkIsolation: false)")
  }
}
