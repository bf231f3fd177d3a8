import Template

/// CloudFront: viewers reach the distribution over TLS 1.2+, the distribution reaches its
/// origins over TLS, and requests are logged and filtered.
public enum CloudFront {
  public static let theme = "cloudfront"

  public static var rules: [Rule] {
    [viewerProtocolHTTPS, viewerMinimumTLS, distributionLogging, originHTTPSOnly, distributionWAF]
  }

  static let distribution = "AWS::CloudFront::Distribution"
}
