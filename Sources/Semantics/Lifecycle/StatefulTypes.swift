import Template

/// Resource types that hold data which deleting the resource destroys, and the deletion
/// policies that keep it.
///
/// A judgement, not schema data: the registry schemas do not say what holds data. The list
/// covers storage, databases, queues and streams with messages, keys (data encrypted with a
/// deleted key cannot be read), log groups, repositories, file systems, secrets and user pools.
/// `formation lint` (DAT002, DAT003) and `formation diff` (data-loss warnings) read this one
/// list, so a type whose deletion lint warns about is a type whose removal diff warns about.
public enum StatefulTypes {
  public static let all: Set<String> = [
    "AWS::S3::Bucket", "AWS::S3Express::DirectoryBucket", "AWS::S3Tables::TableBucket",
    "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::KMS::Key", "AWS::Logs::LogGroup",
    "AWS::ECR::Repository", "AWS::EFS::FileSystem", "AWS::FSx::FileSystem", "AWS::RDS::DBInstance",
    "AWS::RDS::DBCluster", "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster",
    "AWS::Redshift::Cluster",
    "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster", "AWS::EC2::Volume",
    "AWS::Kinesis::Stream", "AWS::SQS::Queue", "AWS::Cognito::UserPool",
    "AWS::SecretsManager::Secret",
    "AWS::Backup::BackupVault", "AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain",
    "AWS::Timestream::Table", "AWS::Cassandra::Table", "AWS::QLDB::Ledger", "AWS::Glue::Database",
    "AWS::Glue::Table", "AWS::CodeCommit::Repository",
  ]

  /// Types that accept `DeletionPolicy: Snapshot` / `UpdateReplacePolicy: Snapshot`.
  public static let snapshotTypes: Set<String> = [
    "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
    "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance",
    "AWS::Redshift::Cluster",
    "AWS::DocDB::DBCluster",
  ]

  /// Whether a deletion or update-replace policy keeps the data of a resource of `type`;
  /// `nil` when the policy is an intrinsic the template cannot resolve.
  package static func keepsData(_ policy: Value?, type: String) -> Bool? {
    guard let policy else { return false }
    guard let text = policy.stringValue else { return nil }
    return keepsData(policy: text, type: type)
  }

  /// Whether the deletion or update-replace policy named `policy` (`Retain`, `Snapshot`,
  /// `Delete`) keeps the data of a resource of `type`.
  package static func keepsData(policy: String, type: String) -> Bool {
    switch policy {
    case "Retain", "RetainExceptOnCreate": return true
    case "Snapshot": return snapshotTypes.contains(type)
    default: return false
    }
  }

  /// The policies that keep the data of a resource of `type`, for messages: `Retain`, or
  /// `Retain or Snapshot` where the type takes a snapshot.
  package static func keepingPolicies(of type: String) -> String {
    snapshotTypes.contains(type) ? "Retain or Snapshot" : "Retain"
  }
}
