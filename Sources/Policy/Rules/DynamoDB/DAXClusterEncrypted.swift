import Template

extension DynamoDB {
  /// DDB003: DAX clusters encrypt their cache at rest.
  static let daxEncryption = Rule(
    id: "DDB003", title: "DAX cluster encrypts data at rest", severity: .error, family: .policy,
    theme: theme, resourceTypes: ["AWS::DAX::Cluster"],
    rationale:
      "A DAX cluster caches table items on its nodes; SSESpecification.SSEEnabled defaults to false and cannot be turned on for an existing cluster.",
    remediation: "Set SSESpecification: {SSEEnabled: true}."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["SSESpecification", "SSEEnabled"], question: "the cache is encrypted",
        absent: "DAX cluster is not encrypted at rest: SSESpecification.SSEEnabled is not set",
        isFalse: "DAX cluster is not encrypted at rest (SSEEnabled: false)")
    }
  }
}
