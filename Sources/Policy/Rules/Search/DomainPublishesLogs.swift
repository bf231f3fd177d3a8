import Semantics
import Template

extension SearchDomains {
  /// SRCH006: the domain publishes its error or slow logs.
  static let logPublishing = Rule(
    id: "SRCH006", title: "OpenSearch domain publishes logs to CloudWatch Logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without LogPublishingOptions the domain's error and slow logs stay inside the service, so failures, expensive queries and abuse cannot be investigated or alarmed on.",
    remediation:
      "Set LogPublishingOptions.ES_APPLICATION_LOGS (and SEARCH_SLOW_LOGS, INDEX_SLOW_LOGS) with Enabled: true and CloudWatchLogsLogGroupArn."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "LogPublishingOptions"), logicalID: logicalID,
        path: "Properties.LogPublishingOptions", question: "logs are published"
      ) { possibility in
        if possibility.isAbsent {
          return .fail("domain publishes no logs: LogPublishingOptions is not set")
        }
        guard let options = possibility.map else { return .unknown(possibility.unknowableReason) }
        let enabled = options.values.flatMap { option in
          context.reading(context.resolver.resolve(option)).child("Enabled").possibilities
        }
        if enabled.contains(where: { $0.bool == true }) { return .pass }
        if let unknown = enabled.first(where: { !$0.isAbsent && $0.bool == nil }) {
          return .unknown(unknown.unknowableReason)
        }
        return .fail("domain publishes no logs: no LogPublishingOptions entry is enabled")
      }
    }
  }
}
