import Template

extension CloudFront {
  /// CDN004: a distribution reaches its custom origins over HTTPS.
  static let originHTTPSOnly = Rule(
    id: "CDN004", title: "CloudFront reaches custom origins over HTTPS only", severity: .warning,
    family: .policy, theme: theme, resourceTypes: [distribution],
    rationale:
      "OriginProtocolPolicy http-only (and match-viewer, for viewers on HTTP) sends requests and responses between CloudFront and the origin in clear text across the internet, whatever the viewer side uses. S3 website endpoints only speak HTTP: an S3 origin with origin access control avoids them.",
    remediation:
      "Set CustomOriginConfig.OriginProtocolPolicy: https-only with OriginSSLProtocols [TLSv1.2]; serve S3 content through an S3 origin with OriginAccessControlId."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let origins = context.property(logicalID, "DistributionConfig", "Origins").items()
      return context.judge(
        origins.path("CustomOriginConfig", "OriginProtocolPolicy"), logicalID: logicalID,
        path: "Properties.DistributionConfig.Origins", question: "the origin is reached over HTTPS"
      ) {
        context.expectNone(of: ["http-only", "match-viewer"], $0) {
          "custom origin is reached over plain HTTP (OriginProtocolPolicy: \($0))"
        }
      }
    }
  }
}
