import Template

extension SearchDomains {
  /// SRCH001: domains encrypt indices, logs and snapshots at rest.
  static let encryptionAtRest = Rule(
    id: "SRCH001", title: "OpenSearch domain encrypts data at rest", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without EncryptionAtRestOptions.Enabled the domain's indices, swap files, logs and automated snapshots are stored unencrypted, and turning encryption on later replaces the domain.",
    remediation:
      "Set EncryptionAtRestOptions: {Enabled: true, KmsKeyId: <customer-managed key>}."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["EncryptionAtRestOptions", "Enabled"], question: "the domain is encrypted",
        absent: "domain is not encrypted at rest: EncryptionAtRestOptions.Enabled is not set",
        isFalse: "domain is not encrypted at rest (EncryptionAtRestOptions.Enabled: false)")
    }
  }
}
