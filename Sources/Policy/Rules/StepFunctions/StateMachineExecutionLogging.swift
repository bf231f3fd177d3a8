import Semantics
import Template

extension StepFunctions {
  /// SFN001: a state machine logs its executions to CloudWatch Logs.
  static let stateMachineLogging = Rule(
    id: "SFN001", title: "Step Functions state machines log their executions",
    severity: .warning, family: .policy, theme: theme,
    resourceTypes: ["AWS::StepFunctions::StateMachine"],
    rationale:
      "Without a logging configuration an Express workflow leaves no record of its executions at all, and a Standard workflow keeps its history for 90 days only, outside CloudWatch alarms and log retention.",
    remediation:
      "Set LoggingConfiguration with Level ERROR or ALL and Destinations naming a log group."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let property = "LoggingConfiguration"
      let logging = context.property(logicalID, property)
      return context.judge(
        logging, logicalID: logicalID, path: "Properties.\(property)",
        question: "the state machine logs its executions"
      ) { configuration in
        if configuration.isAbsent {
          return .fail("state machine logs no executions (no \(property))")
        }
        let level = logging.of(configuration).child("Level").possibilities
        if level.contains(where: { $0.isAbsent || $0.text?.uppercased() == "OFF" }) {
          return .fail("state machine logs no executions (\(property).Level is OFF)")
        }
        let destinations = logging.of(configuration).child("Destinations").items()
        return destinations.possibilities.isEmpty
          ? .fail("state machine logs no executions (\(property) has no Destinations)") : .pass
      }
    }
  }
}
