import Template

extension LoadBalancing {
  /// The security policy names whose oldest protocol is TLS 1.2 (or 1.3).
  static let modernTLSPolicies = [
    "ELBSecurityPolicy-TLS13-1-2", "ELBSecurityPolicy-TLS13-1-3", "ELBSecurityPolicy-TLS-1-2",
    "ELBSecurityPolicy-FS-1-2",
  ]

  /// ELB002: an HTTPS or TLS listener refuses TLS 1.0 and 1.1.
  static let listenerTLSPolicy = Rule(
    id: "ELB002", title: "HTTPS and TLS listeners use a TLS 1.2+ security policy",
    severity: .warning, family: .policy, theme: theme, resourceTypes: [listenerV2],
    rationale:
      "Without SslPolicy a listener uses ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1 and their weak cipher suites; so do the -2015, TLS-1-1, FS-2018-06 and TLS13-1-0/1-1 policies. PCI DSS and most baselines require TLS 1.2 at least.",
    remediation:
      "Set SslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.2 and 1.3), or another ELBSecurityPolicy-TLS13-1-2-*, -TLS-1-2-*, -FS-1-2-* policy."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let protocols = context.property(logicalID, "Protocol")
      return protocols.possibilities.flatMap { possibility -> [Finding] in
        guard let name = possibility.text?.uppercased(), name == "HTTPS" || name == "TLS" else {
          return []
        }
        return context.judge(
          context.property(logicalID, "SslPolicy").after(possibility), logicalID: logicalID,
          path: "Properties.SslPolicy", question: "the listener refuses TLS 1.0 and 1.1"
        ) { policy in
          switch context.literal(policy) {
          case .failure(let unknown): return .unknown(unknown.reason)
          case .success(nil):
            return .fail(
              "\(name) listener has no SslPolicy and uses ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1"
            )
          case .success(let text?):
            return modernTLSPolicies.contains(where: text.hasPrefix)
              ? .pass : .fail("\(name) listener's SslPolicy \(text) accepts protocols older than TLS 1.2")
          }
        }
      }
    }
  }
}
