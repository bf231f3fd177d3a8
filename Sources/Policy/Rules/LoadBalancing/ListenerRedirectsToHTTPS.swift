import Template

extension LoadBalancing {
  /// ELB001: a plain-HTTP listener only redirects to HTTPS.
  static let listenerRedirectsToHTTPS = Rule(
    id: "ELB001", title: "HTTP listeners redirect to HTTPS", severity: .error, family: .policy,
    theme: theme, resourceTypes: [listenerV2],
    rationale:
      "A listener with Protocol HTTP serves requests, cookies and credentials in clear text to anyone on the path. Listening on port 80 is fine when its default action only redirects to HTTPS (Type redirect, RedirectConfig.Protocol HTTPS); anything else serves the application over HTTP. TCP, UDP and TLS listeners of network load balancers are not HTTP and are not checked here.",
    remediation:
      "Make the listener HTTPS with a certificate, or give it one default action: Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: \"443\", StatusCode: HTTP_301}."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let protocols = context.property(logicalID, "Protocol")
      return context.judge(
        protocols, logicalID: logicalID, path: "Properties.Protocol",
        question: "the listener encrypts its traffic"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(let name?) where name.uppercased() == "HTTP":
          let redirects = context.property(logicalID, "DefaultActions").items().after(possibility)
          let toHTTPS = redirects.possibilities.contains { action in
            redirects.of(action).child("Type").possibilities.contains { $0.text == "redirect" }
              && redirects.of(action).path("RedirectConfig", "Protocol").possibilities.contains {
                $0.text?.uppercased() == "HTTPS"
              }
          }
          return toHTTPS
            ? .pass
            : .fail("listener serves plain HTTP without redirecting to HTTPS (Protocol: HTTP)")
        case .success:
          return .pass
        }
      }
    }
  }
}
