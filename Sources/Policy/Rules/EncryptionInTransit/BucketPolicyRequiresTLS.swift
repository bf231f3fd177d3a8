import Template

extension EncryptionInTransit {
  /// TRN001: bucket policies deny requests that are not sent over TLS.
  static let bucketRequiresTLS = Rule(
    id: "TRN001", title: "S3 bucket policy denies requests without TLS (aws:SecureTransport)",
    severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "S3 serves plain HTTP to any client that asks; only a bucket policy Deny on aws:SecureTransport false makes every request, from every principal and SDK, use TLS.",
    remediation:
      "Add an AWS::S3::BucketPolicy statement: Effect Deny, Principal \"*\", Action s3:*, Resource the bucket and bucket/*, Condition Bool aws:SecureTransport \"false\"."
  ) { context in
    let reading = TransportDenyReading(
      context: context, policyType: "AWS::S3::BucketPolicy", targetProperty: "Bucket",
      allActions: "s3:*", namedType: "AWS::S3::Bucket")
    return context.inspectedLogicalIDs.flatMap { logicalID in
      reading.findings(for: logicalID, kind: "bucket", requirement: .secureTransport)
    }
  }
}
