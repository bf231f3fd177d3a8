import Semantics
import Template

extension Rule {
  /// SCH021: a replication group with automatic failover and a single cache cluster.
  public static let failoverWithoutReplica = Rule(
    id: "SCH021", title: "Automatic failover without a replica", severity: .error,
    family: .correctness, theme: "schema", resourceTypes: ["AWS::ElastiCache::ReplicationGroup"],
    rationale:
      "Automatic failover promotes a replica when the primary fails, so ElastiCache rejects a replication group with `AutomaticFailoverEnabled: true` and `NumCacheClusters` below 2: there is no replica to promote.",
    remediation: "Set NumCacheClusters to 2 or more, or turn automatic failover off."
  ) { context in
    context.findingsPerResource { logicalID, _ in
      var findings: [Finding] = []
      for failover in context.property(logicalID, "AutomaticFailoverEnabled").possibilities
      where failover.parameters.isEmpty && failover.text?.lowercased() == "true" {
        for clusters in context.property(logicalID, "NumCacheClusters").after(failover).possibilities
        where clusters.parameters.isEmpty {
          guard let count = clusters.wholeNumber, count < 2 else { continue }
          findings.append(
            context.finding(
              "replication group '\(logicalID)' enables automatic failover with NumCacheClusters \(count); failover needs at least 2 (a primary and a replica)\(clusters.clause)",
              logicalID: logicalID, at: clusters.location, path: "Properties.NumCacheClusters"))
        }
      }
      return findings.uniqued()
    }
  }
}
