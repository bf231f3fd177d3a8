import Template

extension MachineLearning {
  /// SGM002: sageMaker data quality jobs encrypt their output with a customer-managed key.
  static let dataQualityOutputKey = Rule(
    id: "SGM002", title: "SageMaker data quality jobs encrypt their output with a customer-managed key", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::SageMaker::DataQualityJobDefinition"],
    rationale:
      "The job's reports describe the data it monitors; without a KmsKeyId they are written to S3 with the bucket's default encryption only.",
    remediation:
      "Set DataQualityJobOutputConfig.KmsKeyId to a customer-managed key."
  ) { context in
    context.requireCustomerKey(
      "DataQualityJobOutputConfig", "KmsKeyId", question: "the output uses a customer-managed key",
      absent: "job output is not encrypted with a customer-managed key (no DataQualityJobOutputConfig.KmsKeyId)")
  }
}
