import Semantics
import Template

extension CloudFront {
  /// CDN002: viewers must use TLS 1.2 or later.
  static let viewerMinimumTLS = Rule(
    id: "CDN002", title: "CloudFront distributions require TLS 1.2 or later from viewers",
    severity: .warning, family: .policy, theme: theme, resourceTypes: [distribution],
    rationale:
      "A distribution on the default *.cloudfront.net certificate, or without MinimumProtocolVersion, accepts TLS 1.0 (policy TLSv1); SSLv3, TLSv1, TLSv1_2016 and TLSv1.1_2016 keep protocols every baseline has retired.",
    remediation:
      "Serve an ACM certificate (ViewerCertificate.AcmCertificateArn, SslSupportMethod: sni-only) with MinimumProtocolVersion: TLSv1.2_2021."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let certificate = context.property(logicalID, "DistributionConfig", "ViewerCertificate")
      var findings = context.judge(
        certificate, logicalID: logicalID, path: "Properties.DistributionConfig.ViewerCertificate",
        question: "viewers must use TLS 1.2"
      ) { possibility in
        if possibility.isAbsent {
          return .fail(
            "distribution has no ViewerCertificate and uses the default *.cloudfront.net certificate, which accepts TLS 1.0"
          )
        }
        return certificate.of(possibility).child("CloudFrontDefaultCertificate").possibilities
          .contains { $0.bool == true }
          ? .fail(
            "distribution uses the default *.cloudfront.net certificate, which accepts TLS 1.0 (CloudFrontDefaultCertificate: true)"
          ) : .pass
      }
      let own = certificate.filter { possibility in
        !possibility.isAbsent
          && !certificate.of(possibility).child("CloudFrontDefaultCertificate").possibilities
            .contains { $0.bool == true }
      }
      findings += context.judge(
        own.child("MinimumProtocolVersion"), logicalID: logicalID,
        path: "Properties.DistributionConfig.ViewerCertificate.MinimumProtocolVersion",
        question: "viewers must use TLS 1.2"
      ) { version in
        switch context.literal(version) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil):
          return .fail("distribution has no MinimumProtocolVersion and accepts TLS 1.0 (TLSv1)")
        case .success(let text?):
          return text.hasPrefix("TLSv1.2_") || text.hasPrefix("TLSv1.3_")
            ? .pass : .fail("distribution accepts protocols older than TLS 1.2 (MinimumProtocolVersion: \(text))")
        }
      }
      return findings
    }
  }
}
