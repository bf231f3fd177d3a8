import Template

extension ElastiCache {
  /// ECA002: clients and replicas talk to the group over TLS.
  static let inTransit = Rule(
    id: "ECA002", title: "ElastiCache replication group encrypts data in transit", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without TransitEncryptionEnabled, cached values, commands and the AUTH token itself cross the network in plain text, between clients and nodes and between primary and replicas.",
    remediation:
      "Set TransitEncryptionEnabled: true (TransitEncryptionMode: required once clients use TLS)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["TransitEncryptionEnabled"], question: "data is encrypted in transit",
        absent:
          "replication group is not encrypted in transit: TransitEncryptionEnabled is not set and defaults to false",
        isFalse: "replication group is not encrypted in transit (TransitEncryptionEnabled: false)"
      )
    }
  }
}
