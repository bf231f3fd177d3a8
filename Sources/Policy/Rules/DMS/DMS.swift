import Template

/// Database Migration Service: replication instances stay private and endpoints speak TLS.
public enum DMS {
  public static let theme = "dms"

  public static var rules: [Rule] { [replicationInstanceNotPublic, endpointUsesTLS] }
}
