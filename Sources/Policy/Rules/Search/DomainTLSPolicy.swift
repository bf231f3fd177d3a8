import Template

extension SearchDomains {
  /// SRCH004: the domain endpoint refuses TLS below 1.2.
  static let tlsPolicy = Rule(
    id: "SRCH004", title: "OpenSearch domain requires TLS 1.2 or later", severity: .warning,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "The default TLSSecurityPolicy, Policy-Min-TLS-1-0-2019-07, still negotiates TLS 1.0 and 1.1, whose weaknesses compliance baselines no longer accept.",
    remediation:
      "Set DomainEndpointOptions.TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10 (or Policy-Min-TLS-1-2-2019-07)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "DomainEndpointOptions", "TLSSecurityPolicy"),
        logicalID: logicalID, path: "Properties.DomainEndpointOptions.TLSSecurityPolicy",
        question: "TLS 1.2 is required"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil):
          return .fail(
            "domain accepts TLS 1.0: TLSSecurityPolicy is not set and defaults to Policy-Min-TLS-1-0-2019-07"
          )
        case .success(let policy?) where policy.hasPrefix("Policy-Min-TLS-1-0"):
          return .fail("domain accepts TLS 1.0 (TLSSecurityPolicy: \(policy))")
        case .success: return .pass
        }
      }
    }
  }
}
