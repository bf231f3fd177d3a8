/// Machine learning (SageMaker, Bedrock): notebooks, jobs and agents encrypt with keys the account controls, models run isolated, notebooks require IMDSv2.
public enum MachineLearning {
  public static let theme = "machine-learning"

  public static var rules: [Rule] {
    [sageMakerCustomerKey, dataQualityOutputKey, dataQualityVolumeKey, dataQualityTrafficEncrypted, modelNetworkIsolation, notebookRequiresIMDSv2, bedrockAgentCustomerKey]
  }
}
