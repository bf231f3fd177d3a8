import Template

extension MachineLearning {
  /// SGM003: sageMaker data quality jobs encrypt their volumes with a customer-managed key.
  static let dataQualityVolumeKey = Rule(
    id: "SGM003", title: "SageMaker data quality jobs encrypt their volumes with a customer-managed key", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::SageMaker::DataQualityJobDefinition"],
    rationale:
      "The processing volumes hold a copy of the monitored data while the job runs.",
    remediation:
      "Set JobResources.ClusterConfig.VolumeKmsKeyId to a customer-managed key."
  ) { context in
    context.requireCustomerKey(
      "JobResources", "ClusterConfig", "VolumeKmsKeyId", question: "the volumes use a customer-managed key",
      absent: "job volumes are not encrypted with a customer-managed key (no VolumeKmsKeyId)")
  }
}
