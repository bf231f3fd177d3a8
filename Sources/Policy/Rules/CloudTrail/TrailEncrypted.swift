import Template

extension CloudTrail {
  /// TRL001: a trail encrypts its log files with a customer-managed KMS key.
  static let trailEncrypted = Rule(
    id: "TRL001", title: "CloudTrail log files are encrypted with a customer-managed KMS key",
    severity: .warning, family: .policy, theme: theme, resourceTypes: ["AWS::CloudTrail::Trail"],
    rationale:
      "Without KMSKeyId a trail's files are encrypted with SSE-S3: anyone who can read the bucket reads every API call of the account. SSE-KMS with a customer-managed key adds a key policy that must also allow the reader, and a record of each decryption.",
    remediation:
      "Set KMSKeyId to a customer-managed key (!GetAtt TrailKey.Arn) whose key policy lets cloudtrail.amazonaws.com use it for this trail (kms:GenerateDataKey* with an aws:SourceArn condition)."
  ) { context in
    context.requireCustomerKey(
      "KMSKeyId", question: "the trail encrypts with a customer-managed key",
      absent: "trail has no KMSKeyId; its log files are encrypted only with SSE-S3")
  }
}
