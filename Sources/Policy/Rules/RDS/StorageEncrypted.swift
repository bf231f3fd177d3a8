import Semantics
import Template

extension RelationalDatabases {
  /// RDS001: DB instances and clusters encrypt their storage.
  static let storageEncrypted = Rule(
    id: "RDS001", title: "RDS DB instance or cluster encrypts its storage", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "StorageEncrypted defaults to false: the database files, automated backups, snapshots and read replicas are then stored in the clear, and an existing database cannot be encrypted in place (only by restoring a copied snapshot).",
    remediation:
      "Set StorageEncrypted: true and KmsKeyId to a customer-managed key. Members of a cluster take the setting from the AWS::RDS::DBCluster, read replicas from their source."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let noun = context.databaseNoun(logicalID)
      let inheritance: String
      switch context.databaseRole(logicalID) {
      case .clusterMember:
        return []
      case .readReplica(let source):
        if let source, context.resourceType(source) != nil { return [] }
        inheritance =
          "a read replica is encrypted as its source \(source ?? "database") is, which this template does not define"
      case .restored(let snapshot):
        inheritance =
          "it is restored from snapshot \(snapshot) and keeps that snapshot's encryption"
      case .owner:
        if context.literals(logicalID, "EngineMode").contains("serverless") { return [] }
        return context.requireTrue(
          logicalID, ["StorageEncrypted"], question: "the storage is encrypted",
          absent:
            "\(noun) storage is not encrypted: StorageEncrypted is not set and defaults to false",
          isFalse: "\(noun) storage is not encrypted (StorageEncrypted: false)")
      }
      return context.judge(
        context.property(logicalID, "StorageEncrypted"), logicalID: logicalID,
        path: "Properties.StorageEncrypted", question: "the storage is encrypted"
      ) { possibility in
        possibility.isAbsent
          ? .unknown(inheritance)
          : context.expectTrue(
            possibility, absent: "",
            isFalse: "\(noun) storage is not encrypted (StorageEncrypted: false)")
      }
    }
  }
}
