import Semantics
import Template

extension CloudFront {
  /// CDN001: no cache behaviour serves viewers over plain HTTP.
  static let viewerProtocolHTTPS = Rule(
    id: "CDN001", title: "CloudFront cache behaviours do not allow plain HTTP",
    severity: .error, family: .policy, theme: theme, resourceTypes: [distribution],
    rationale:
      "ViewerProtocolPolicy allow-all serves the content, cookies and signed URLs over HTTP to anyone on the viewer's network path. redirect-to-https and https-only keep every request on TLS.",
    remediation:
      "Set ViewerProtocolPolicy: redirect-to-https (or https-only) on DefaultCacheBehavior and every CacheBehaviors entry."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let config = context.property(logicalID, "DistributionConfig")
      let behaviours = [
        ("DefaultCacheBehavior", "the default cache behaviour", config.child("DefaultCacheBehavior")),
        ("CacheBehaviors", "a cache behaviour", config.child("CacheBehaviors").items()),
      ]
      return behaviours.flatMap { name, label, behaviour in
        context.judge(
          behaviour.child("ViewerProtocolPolicy"), logicalID: logicalID,
          path: "Properties.DistributionConfig.\(name)",
          question: "viewers are kept on HTTPS"
        ) {
          context.expectNone(of: ["allow-all"], $0) {
            "\(label) serves viewers over plain HTTP (ViewerProtocolPolicy: \($0))"
          }
        }
      }
    }
  }
}
