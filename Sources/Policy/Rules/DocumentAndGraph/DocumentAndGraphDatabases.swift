/// Neptune and DocumentDB clusters: encrypted, audited and backed up.
public enum DocumentAndGraphDatabases {
  public static let theme = "document-and-graph-databases"

  public static var rules: [Rule] {
    [storageEncrypted, auditLogExports, backupRetention, parameterGroupTLS, parameterGroupAudit]
  }

  static let types = ["AWS::Neptune::DBCluster", "AWS::DocDB::DBCluster"]
}
