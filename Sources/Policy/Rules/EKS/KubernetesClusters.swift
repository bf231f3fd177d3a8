/// EKS clusters and node groups: secrets encrypted with a KMS key, an API endpoint that is not
/// open to the internet, no SSH from anywhere.
public enum KubernetesClusters {
  public static let theme = "eks"

  public static var rules: [Rule] { [secretsEncryption, publicEndpoint, nodeGroupSSH] }
}
