import Template

extension MachineLearning {
  /// SGM001: sageMaker notebooks and domains encrypt with a customer-managed KMS key.
  static let sageMakerCustomerKey = Rule(
    id: "SGM001", title: "SageMaker notebooks and domains encrypt with a customer-managed KMS key", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::SageMaker::NotebookInstance", "AWS::SageMaker::Domain"],
    rationale:
      "Notebook volumes and domain home directories hold training data and credentials; without KmsKeyId they are encrypted with an AWS managed key whose policy the account cannot narrow.",
    remediation:
      "Set KmsKeyId to a customer-managed key."
  ) { context in
    context.requireCustomerKey(
      "KmsKeyId", question: "storage uses a customer-managed key",
      absent: "storage is not encrypted with a customer-managed key (no KmsKeyId)")
  }
}
