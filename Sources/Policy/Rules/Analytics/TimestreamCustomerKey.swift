import Template

extension Analytics {
  /// TSM001: timestream databases encrypt with a customer-managed KMS key.
  static let timestreamCustomerKey = Rule(
    id: "TSM001", title: "Timestream databases encrypt with a customer-managed KMS key", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Timestream::Database"],
    rationale:
      "Without KmsKeyId a Timestream database encrypts with the AWS managed key aws/timestream, whose policy the account cannot narrow.",
    remediation:
      "Set KmsKeyId to a customer-managed key."
  ) { context in
    context.requireCustomerKey(
      "KmsKeyId", question: "the database uses a customer-managed key",
      absent: "database uses the AWS managed key aws/timestream (no KmsKeyId)")
  }
}
