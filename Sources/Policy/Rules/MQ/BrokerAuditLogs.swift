import Template

extension MQ {
  /// MQ003: an ActiveMQ broker publishes its audit log.
  static let brokerAuditLogs = Rule(
    id: "MQ003", title: "ActiveMQ brokers publish audit logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: [broker],
    rationale:
      "The audit log records management actions on an ActiveMQ broker (who created, deleted or purged which destination). RabbitMQ brokers have no audit log and are not checked.",
    remediation: "Set Logs: {Audit: true, General: true}."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let engines = context.property(logicalID, "EngineType").possibilities
      guard engines.contains(where: { $0.text?.uppercased() != "RABBITMQ" }) else { return [] }
      return context.judge(
        context.property(logicalID, "Logs", "Audit"), logicalID: logicalID,
        path: "Properties.Logs.Audit", question: "the broker publishes audit logs"
      ) {
        context.expectTrue(
          $0, absent: "broker publishes no audit log (Logs.Audit is not set)",
          isFalse: "broker publishes no audit log (Logs.Audit: false)")
      }
    }
  }
}
