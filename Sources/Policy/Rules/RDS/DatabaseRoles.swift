import Semantics
import Template

/// What a DB instance is to the rules: where its storage settings come from.
enum DatabaseRole: Equatable {
  /// A standalone instance or a cluster: it decides its own settings.
  case owner
  /// A member of a DB cluster (Aurora, or an instance with `DBClusterIdentifier`): the cluster's
  /// settings apply.
  case clusterMember
  /// A read replica (`SourceDBInstanceIdentifier`, `SourceDBClusterIdentifier`): storage,
  /// encryption and key come from its source.
  case readReplica(source: String?)
  /// Restored from a snapshot: encryption and key come from the snapshot unless set.
  case restored(snapshot: String)
}

extension RuleContext {
  /// The role of an `AWS::RDS::DBInstance` or `AWS::RDS::DBCluster`.
  func databaseRole(_ logicalID: String) -> DatabaseRole {
    let isInstance = resourceType(logicalID) == RelationalDatabases.instance
    if isInstance {
      let engines = literals(logicalID, "Engine")
      if sets(logicalID, "DBClusterIdentifier")
        || engines.contains(where: { $0?.lowercased().hasPrefix("aurora") ?? false })
      {
        return .clusterMember
      }
    }
    for key in ["SourceDBInstanceIdentifier", "SourceDBClusterIdentifier"]
    where sets(logicalID, key) {
      let source = property(logicalID, key).possibilities.lazy.compactMap {
        self.referencedResource($0) ?? $0.text
      }.first
      return .readReplica(source: source)
    }
    for key in ["DBSnapshotIdentifier", "SnapshotIdentifier"] where sets(logicalID, key) {
      let snapshot = property(logicalID, key).possibilities.lazy.compactMap(\.text).first
      return .restored(snapshot: snapshot ?? "a snapshot")
    }
    return .owner
  }

  /// The DB instances and clusters this rule inspects that own their storage settings
  /// (standalone instances and clusters, not cluster members or read replicas).
  var databaseOwners: [String] {
    inspectedLogicalIDs.filter {
      switch databaseRole($0) {
      case .owner, .restored: return true
      case .clusterMember, .readReplica: return false
      }
    }
  }

  /// "instance" or "cluster", for messages.
  func databaseNoun(_ logicalID: String) -> String {
    resourceType(logicalID) == RelationalDatabases.cluster ? "cluster" : "instance"
  }
}
