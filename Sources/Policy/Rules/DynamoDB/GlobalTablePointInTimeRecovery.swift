import Template

extension DynamoDB {
  /// DDB001: every replica of a global table keeps point-in-time recovery.
  static let globalTableRecovery = Rule(
    id: "DDB001", title: "DynamoDB global table replicas have point-in-time recovery",
    severity: .warning, family: .policy, theme: theme,
    resourceTypes: ["AWS::DynamoDB::GlobalTable"],
    rationale:
      "Replication copies a bad write or a delete to every region within seconds; only point-in-time recovery, set per replica, can restore the table to the second before it.",
    remediation:
      "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true on every entry of Replicas."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Replicas").items().child("PointInTimeRecoverySpecification")
          .child("PointInTimeRecoveryEnabled"), logicalID: logicalID,
        path: "Properties.Replicas.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        question: "point-in-time recovery is on"
      ) {
        context.expectTrue(
          $0,
          absent:
            "global table replica has no point-in-time recovery (PointInTimeRecoveryEnabled is not set)",
          isFalse: "global table replica has point-in-time recovery turned off")
      }
    }
  }
}
