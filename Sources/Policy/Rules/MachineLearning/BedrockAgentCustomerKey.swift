import Template

extension MachineLearning {
  /// BDR001: bedrock agents encrypt with a customer-managed KMS key.
  static let bedrockAgentCustomerKey = Rule(
    id: "BDR001", title: "Bedrock agents encrypt with a customer-managed KMS key", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Bedrock::Agent"],
    rationale:
      "An agent's instructions, action groups and session data are encrypted with an AWS owned key unless CustomerEncryptionKeyArn names one the account controls.",
    remediation:
      "Set CustomerEncryptionKeyArn to a customer-managed key."
  ) { context in
    context.requireCustomerKey(
      "CustomerEncryptionKeyArn", question: "the agent uses a customer-managed key",
      absent: "agent encrypts with an AWS owned key (no CustomerEncryptionKeyArn)")
  }
}
