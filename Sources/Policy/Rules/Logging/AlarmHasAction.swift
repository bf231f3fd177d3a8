import Semantics
import Template

extension Logging {
  /// LOG008: alarms notify someone or do something, themselves or through a composite alarm.
  static let alarmHasAction = Rule(
    id: "LOG008", title: "CloudWatch alarm has an action", severity: .warning, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"],
    rationale:
      "An alarm without AlarmActions (or with ActionsEnabled: false) changes state where nobody looks; the failure it was written for goes unnoticed. An alarm that a composite alarm with actions names in an ALARM(...) term of its AlarmRule (not under NOT) is covered: the composite tells someone, and AWS recommends leaving the actions of such alarms off to avoid duplicate notifications.",
    remediation:
      "Set AlarmActions to an SNS topic (or an automation) and leave ActionsEnabled at its default, true; or name the alarm in the AlarmRule of a composite alarm that has actions."
  ) { context in
    let alarms = context.inspectedLogicalIDs
    var ownFindings: [String: [Finding]] = [:]
    for logicalID in alarms {
      ownFindings[logicalID] = alarmActionFindings(logicalID, context)
    }
    let covered = alarmsThatNotify(
      alarms, acting: Set(ownFindings.filter { $0.value.isEmpty }.keys), context)
    return alarms.flatMap { logicalID in
      covered.contains(logicalID) ? [] : ownFindings[logicalID] ?? []
    }
  }

  /// The findings about the alarm's own `AlarmActions` and `ActionsEnabled`.
  private static func alarmActionFindings(_ logicalID: String, _ context: RuleContext) -> [Finding]
  {
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

  /// The alarms whose state change reaches an action: those `acting` themselves, and every
  /// alarm a notifying composite alarm fires on, transitively (a composite inside a composite).
  /// A term must name the alarm in every `Fn::If` branch of the `AlarmRule` to count.
  private static func alarmsThatNotify(
    _ alarms: [String], acting: Set<String>, _ context: RuleContext
  ) -> Set<String> {
    var types: [String: String] = [:]
    var names: [String: [SymbolicString]] = [:]
    for id in alarms {
      types[id] = context.resourceType(id)
      names[id] = context.property(id, "AlarmName").possibilities.compactMap(\.string)
    }
    var watched: [String: Set<String>] = [:]
    for id in alarms where types[id] == "AWS::CloudWatch::CompositeAlarm" {
      let rules = context.property(id, "AlarmRule").possibilities
      let perBranch = rules.map { possibility -> Set<String> in
        guard let rule = possibility.string else { return [] }
        return CompositeAlarmRule(rule).watchedAlarms(types: types, names: names)
      }
      watched[id] = perBranch.dropFirst().reduce(perBranch.first ?? []) { $0.intersection($1) }
    }
    var notifying = acting
    var pending = Array(acting)
    while let composite = pending.popLast() {
      for alarm in watched[composite] ?? [] where notifying.insert(alarm).inserted {
        pending.append(alarm)
      }
    }
    return notifying
  }
}
