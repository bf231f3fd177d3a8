import Template

extension Logging {
  /// LOG007: Lambda functions keep the events they fail to process.
  static let functionFailureDestination = Rule(
    id: "LOG007", title: "Lambda function has a dead-letter queue or an on-failure destination",
    severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::Lambda::Function", "AWS::Serverless::Function"],
    rationale:
      "An asynchronous invocation that fails its retries is dropped without trace unless the function has a DeadLetterConfig or an AWS::Lambda::EventInvokeConfig with DestinationConfig.OnFailure; for a pipeline trigger that is a sample that is never processed.",
    remediation:
      "Set DeadLetterConfig.TargetArn to a queue or topic, or add an AWS::Lambda::EventInvokeConfig for the function with DestinationConfig.OnFailure.Destination."
  ) { context in
    let invokeConfigs = context.resources(ofType: "AWS::Lambda::EventInvokeConfig")
    return context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let hasDestination = invokeConfigs.contains { _, config in
        context.refers(config.properties["FunctionName"], to: logicalID)
          && config.properties["DestinationConfig"]?["OnFailure"]?["Destination"] != nil
      }
      if hasDestination { return [] }
      // SAM spells them DeadLetterQueue and EventInvokeConfig on the function itself.
      if context.resolver.type(of: logicalID) == "AWS::Serverless::Function" {
        let onFailure = context.property(
          logicalID, "EventInvokeConfig", "DestinationConfig", "OnFailure", "Type")
        if onFailure.possibilities.contains(where: { !$0.isAbsent }) { return [] }
        return context.judge(
          context.property(logicalID, "DeadLetterQueue", "TargetArn"), logicalID: logicalID,
          path: "Properties.DeadLetterQueue", question: "failed events are kept"
        ) { possibility in
          possibility.isAbsent
            ? .fail(
              "function has no DeadLetterQueue and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped"
            )
            : .pass
        }
      }
      return context.judge(
        context.property(logicalID, "DeadLetterConfig", "TargetArn"), logicalID: logicalID,
        path: "Properties.DeadLetterConfig", question: "failed events are kept"
      ) { possibility in
        possibility.isAbsent
          ? .fail(
            "function has no DeadLetterConfig and no EventInvokeConfig with an on-failure destination; failed asynchronous events are dropped"
          )
          : .pass
      }
    }
  }
}
