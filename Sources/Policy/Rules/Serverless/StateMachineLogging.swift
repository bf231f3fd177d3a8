import Template

extension Serverless {
  /// SAM004: a state machine logs its executions.
  static let stateMachineLogging = Rule(
    id: "SAM004", title: "State machine logs executions to CloudWatch Logs", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"],
    rationale:
      "Without LoggingConfiguration (SAM: Logging) a state machine's executions leave only the execution history, which Standard workflows keep 90 days and Express workflows not at all: failed steps and their inputs cannot be investigated.",
    remediation:
      "Set Logging (SAM) or LoggingConfiguration with Level ERROR or ALL and a log group destination."
  ) { context in
    context.findingsPerResource { logicalID, resource -> [Finding] in
      let property =
        resource.type == "AWS::Serverless::StateMachine" ? "Logging" : "LoggingConfiguration"
      return context.judge(
        context.property(logicalID, property, "Level"), logicalID: logicalID,
        path: "Properties.\(property).Level", question: "the state machine logs executions"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil), .success("OFF"?):
          return .fail("state machine does not log its executions (\(property).Level is OFF or not set)")
        case .success:
          return .pass
        }
      }
    }
  }
}
