import Template

extension EncryptionInTransit {
  /// TRN003: topic policies deny publishing without TLS.
  static let topicRequiresTLS = Rule(
    id: "TRN003", title: "SNS topic policy denies requests without TLS", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::SNS::Topic"],
    rationale:
      "SNS accepts Publish over plain HTTP; only a topic policy Deny on aws:SecureTransport false makes publishers use TLS.",
    remediation:
      "Add an AWS::SNS::TopicPolicy for the topic with a statement: Effect Deny, Principal \"*\", Action sns:Publish (or sns:*), Condition Bool aws:SecureTransport \"false\"."
  ) { context in
    let reading = TransportDenyReading(
      context: context, policyType: "AWS::SNS::TopicPolicy", targetProperty: "Topics",
      allActions: "sns:Publish")
    return context.inspectedLogicalIDs.flatMap { logicalID in
      reading.findings(for: logicalID, kind: "topic", requirement: .secureTransport)
    }
  }
}
