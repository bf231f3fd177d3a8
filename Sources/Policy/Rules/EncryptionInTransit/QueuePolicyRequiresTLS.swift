import Template

extension EncryptionInTransit {
  /// TRN004: queue policies deny requests without TLS.
  static let queueRequiresTLS = Rule(
    id: "TRN004", title: "SQS queue policy denies requests without TLS", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::SQS::Queue"],
    rationale:
      "SQS accepts SendMessage and ReceiveMessage over plain HTTP; only a queue policy Deny on aws:SecureTransport false makes every client use TLS.",
    remediation:
      "Add an AWS::SQS::QueuePolicy for the queue with a statement: Effect Deny, Principal \"*\", Action sqs:*, Condition Bool aws:SecureTransport \"false\"."
  ) { context in
    let reading = TransportDenyReading(
      context: context, policyType: "AWS::SQS::QueuePolicy", targetProperty: "Queues",
      allActions: "sqs:*")
    return context.inspectedLogicalIDs.flatMap { logicalID in
      reading.findings(for: logicalID, kind: "queue", requirement: .secureTransport)
    }
  }
}
