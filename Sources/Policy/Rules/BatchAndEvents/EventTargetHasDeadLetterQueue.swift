import Template

extension BatchAndEvents {
  /// BAT003: EventBridge rules that invoke a function keep the events they cannot deliver.
  static let eventTargetDeadLetter = Rule(
    id: "BAT003", title: "EventBridge rule target for a Lambda function has a dead-letter queue",
    severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Events::Rule"],
    rationale:
      "EventBridge retries a failed delivery for up to 24 hours and then drops the event; without a DeadLetterConfig on the target, an upload whose trigger never ran leaves no trace, and its sample is never processed.",
    remediation:
      "Set DeadLetterConfig.Arn on the target to an SQS queue (with a policy allowing events.amazonaws.com to send), and a RetryPolicy."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let targets = context.property(logicalID, "Targets").items()
      return targets.possibilities.flatMap { target -> [Finding] in
        let arns = targets.of(target).child("Arn").possibilities
        let function = arns.lazy.compactMap { arn -> String? in
          if let id = context.referencedResource(arn),
            ["AWS::Lambda::Function", "AWS::Lambda::Alias", "AWS::Lambda::Version"].contains(
              context.resolver.type(of: id) ?? "")
          {
            return id
          }
          if let string = arn.string, string.containsText(":lambda:"),
            string.containsText(":function:")
          {
            return string.description
          }
          return nil
        }.first
        guard let function else { return [] }
        return context.judge(
          targets.of(target).path("DeadLetterConfig", "Arn"), logicalID: logicalID,
          path: "Properties.Targets.DeadLetterConfig",
          question: "undelivered events are kept"
        ) { possibility in
          possibility.isAbsent
            ? .fail(
              "rule target \(function) has no DeadLetterConfig; events that cannot be delivered are dropped"
            ) : .pass
        }
      }
    }
  }
}
