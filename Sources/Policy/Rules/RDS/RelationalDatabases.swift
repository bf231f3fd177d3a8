/// RDS DB instances and Aurora / Multi-AZ DB clusters: encrypted, private, backed up,
/// protected from deletion, logged and patched.
///
/// A DB instance that belongs to a cluster (`DBClusterIdentifier`) keeps its data, backups,
/// deletion protection, authentication and log exports on the cluster, so those rules judge the
/// cluster and skip its members; public access and minor-version upgrades stay per instance.
public enum RelationalDatabases {
  public static let theme = "relational-databases"

  public static var rules: [Rule] {
    [
      storageEncrypted, customerManagedKey, notPublic, backupRetention, deletionProtection,
      iamAuthentication, logExports, minorVersionUpgrade, multiAZ, enhancedMonitoring,
    ]
  }

  static let instance = "AWS::RDS::DBInstance"
  static let cluster = "AWS::RDS::DBCluster"
  static let types = [instance, cluster]
}
