import Template

extension EncryptionInTransit {
  /// TRN002: bucket policies deny TLS versions below 1.2.
  static let bucketRequiresTLS12 = Rule(
    id: "TRN002", title: "S3 bucket policy denies TLS below 1.2 (s3:TlsVersion)",
    severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "TLS 1.0 and 1.1 have known weaknesses and are out of every compliance baseline; S3 still negotiates them with old clients unless the bucket policy refuses them.",
    remediation:
      "Add a bucket policy statement: Effect Deny, Principal \"*\", Action s3:*, Resource the bucket and bucket/*, Condition NumericLessThan s3:TlsVersion 1.2."
  ) { context in
    let reading = TransportDenyReading(
      context: context, policyType: "AWS::S3::BucketPolicy", targetProperty: "Bucket",
      allActions: "s3:*", namedType: "AWS::S3::Bucket")
    return context.inspectedLogicalIDs.flatMap { logicalID in
      reading.findings(for: logicalID, kind: "bucket", requirement: .tls12)
    }
  }
}
