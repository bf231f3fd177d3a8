/// Redshift clusters: encrypted, private, logged, inside a VPC, and reached over TLS.
public enum RedshiftClusters {
  public static let theme = "redshift"

  public static var rules: [Rule] {
    [encrypted, notPublic, auditLogging, insideVPC, requireTLS]
  }

  static let types = ["AWS::Redshift::Cluster"]
}
