import Template

extension SearchDomains {
  /// SRCH002: traffic between the domain's nodes is encrypted.
  static let nodeToNode = Rule(
    id: "SRCH002", title: "OpenSearch domain encrypts node-to-node traffic", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without node-to-node encryption, documents and queries travel between the domain's nodes in plain text inside the VPC; fine-grained access control requires it.",
    remediation: "Set NodeToNodeEncryptionOptions: {Enabled: true}."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["NodeToNodeEncryptionOptions", "Enabled"],
        question: "node-to-node traffic is encrypted",
        absent:
          "domain sends node-to-node traffic unencrypted: NodeToNodeEncryptionOptions.Enabled is not set",
        isFalse:
          "domain sends node-to-node traffic unencrypted (NodeToNodeEncryptionOptions.Enabled: false)"
      )
    }
  }
}
