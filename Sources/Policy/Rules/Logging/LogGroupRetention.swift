import Semantics
import Template

extension Logging {
  /// LOG004: log groups say how long they keep events.
  static let logGroupRetention = Rule(
    id: "LOG004", title: "CloudWatch log group sets a retention period", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::Logs::LogGroup"],
    rationale:
      "A log group without RetentionInDays keeps events forever: cost grows without bound and personal data outlives every retention policy.",
    remediation: "Set RetentionInDays to the period the records policy requires (for example 365)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "RetentionInDays"), logicalID: logicalID,
        path: "Properties.RetentionInDays",
        question: "retention is set"
      ) {
        $0.isAbsent ? .fail("log group has no RetentionInDays, so it keeps events forever") : .pass
      }
    }
  }
}
