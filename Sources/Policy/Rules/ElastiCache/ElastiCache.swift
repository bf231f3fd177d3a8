/// ElastiCache (Redis OSS, Valkey) replication groups: encrypted at rest and in transit, and
/// requiring clients to authenticate.
public enum ElastiCache {
  public static let theme = "elasticache"

  public static var rules: [Rule] { [atRest, inTransit, authentication] }

  static let types = ["AWS::ElastiCache::ReplicationGroup"]
}
