import Template

extension SearchDomains {
  /// SRCH003: the domain endpoint refuses plain HTTP.
  static let enforceHTTPS = Rule(
    id: "SRCH003", title: "OpenSearch domain accepts HTTPS only", severity: .error,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without EnforceHTTPS the endpoint also answers plain HTTP, so queries, documents and the credentials or signed requests that carry them can be read and replayed on the way.",
    remediation: "Set DomainEndpointOptions.EnforceHTTPS: true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireTrue(
        logicalID, ["DomainEndpointOptions", "EnforceHTTPS"], question: "HTTPS is enforced",
        absent: "domain accepts plain HTTP: DomainEndpointOptions.EnforceHTTPS is not set",
        isFalse: "domain accepts plain HTTP (DomainEndpointOptions.EnforceHTTPS: false)")
    }
  }
}
