import Template

extension Analytics {
  /// MSK001: an MSK cluster publishes broker logs.
  static let mskLogging = Rule(
    id: "MSK001", title: "MSK clusters publish broker logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::MSK::Cluster"],
    rationale:
      "Broker logs record client connections, authentication failures and ACL denials; a cluster without LoggingInfo keeps none of them.",
    remediation:
      "Set LoggingInfo.BrokerLogs with CloudWatchLogs, Firehose or S3 Enabled: true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let logs = context.property(logicalID, "LoggingInfo", "BrokerLogs")
      return context.judge(
        logs, logicalID: logicalID, path: "Properties.LoggingInfo.BrokerLogs",
        question: "the cluster publishes broker logs"
      ) { possibility in
        let sinks = ["CloudWatchLogs", "Firehose", "S3"].flatMap {
          logs.of(possibility).path($0, "Enabled").possibilities
        }
        return sinks.contains { $0.bool == true }
          ? .pass : .fail("cluster publishes no broker logs (no LoggingInfo.BrokerLogs destination enabled)")
      }
    }
  }
}
