import Template

extension LoadBalancing {
  /// ELB005: a classic load balancer's listeners use HTTPS or SSL towards clients.
  static let classicListenerEncrypted = Rule(
    id: "ELB005", title: "Classic load balancer listeners use HTTPS or SSL", severity: .error,
    family: .policy, theme: theme, resourceTypes: [classic],
    rationale:
      "A classic load balancer listener with Protocol HTTP or TCP carries client traffic in clear text. Classic load balancers cannot redirect HTTP to HTTPS; an application load balancer can.",
    remediation:
      "Use Protocol HTTPS (or SSL) with SSLCertificateId, or move to an application load balancer with an HTTPS listener and an HTTP listener that redirects."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let listeners = context.property(logicalID, "Listeners").items()
      return context.judge(
        listeners.child("Protocol"), logicalID: logicalID, path: "Properties.Listeners",
        question: "the listener encrypts its traffic"
      ) {
        context.expectNone(of: ["HTTP", "TCP"], $0) {
          "listener accepts clear-text \($0.uppercased()) from clients"
        }
      }
    }
  }
}
