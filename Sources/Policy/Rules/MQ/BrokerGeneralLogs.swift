import Template

extension MQ {
  /// MQ002: a broker publishes its general log to CloudWatch Logs.
  static let brokerGeneralLogs = Rule(
    id: "MQ002", title: "Amazon MQ brokers publish general logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: [broker],
    rationale:
      "The general log records connections, authentication failures and broker errors; without Logs.General it stays on the broker and is lost with it.",
    remediation: "Set Logs: {General: true} (and Audit: true for ActiveMQ)."
  ) { context in
    context.requireTrue(
      "Logs", "General", question: "the broker publishes general logs",
      absent: "broker publishes no general log (Logs.General is not set)",
      isFalse: "broker publishes no general log (Logs.General: false)")
  }
}
