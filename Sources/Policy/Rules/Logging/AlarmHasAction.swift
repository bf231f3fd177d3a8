import Template

extension Logging {
  /// LOG008: alarms notify someone or do something.
  static let alarmHasAction = Rule(
    id: "LOG008", title: "CloudWatch alarm has an action", severity: .warning, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"],
    rationale:
      "An alarm without AlarmActions (or with ActionsEnabled: false) changes state where nobody looks; the failure it was written for goes unnoticed.",
    remediation:
      "Set AlarmActions to an SNS topic (or an automation) and leave ActionsEnabled at its default, true."
  ) { context in
    context.resources.flatMap { logicalID, _ -> [Finding] in
      var findings = context.judge(
        context.property(logicalID, "AlarmActions"), logicalID: logicalID,
        path: "Properties.AlarmActions",
        question: "the alarm has an action"
      ) { possibility in
        possibility.isAbsent || (possibility.list?.isEmpty ?? false)
          ? .fail("alarm has no AlarmActions, so nobody is told when it fires") : .pass
      }
      findings += context.judge(
        context.property(logicalID, "ActionsEnabled"), logicalID: logicalID,
        path: "Properties.ActionsEnabled",
        question: "the alarm's actions are enabled"
      ) { possibility in
        if possibility.isAbsent || possibility.bool == true { return .pass }
        return possibility.bool == false
          ? .fail("alarm actions are disabled (ActionsEnabled: false)")
          : .unknown(possibility.unknowableReason)
      }
      return findings
    }
  }
}
