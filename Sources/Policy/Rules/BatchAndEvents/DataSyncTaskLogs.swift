import Semantics
import Template

extension BatchAndEvents {
  /// BAT004: DataSync tasks log to CloudWatch.
  static let dataSyncLogging = Rule(
    id: "BAT004", title: "DataSync task logs to CloudWatch Logs", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::DataSync::Task"],
    rationale:
      "Without CloudWatchLogGroupArn a transfer's skipped, failed and corrupted files are visible only as counters; which sample went missing cannot be told.",
    remediation:
      "Set CloudWatchLogGroupArn to a log group (!GetAtt Logs.Arn) and Options.LogLevel: TRANSFER."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "CloudWatchLogGroupArn"), logicalID: logicalID,
        path: "Properties.CloudWatchLogGroupArn",
        question: "the task logs"
      ) {
        $0.isAbsent
          ? .fail("DataSync task has no CloudWatchLogGroupArn; transfer errors are not logged")
          : .pass
      }
    }
  }
}
