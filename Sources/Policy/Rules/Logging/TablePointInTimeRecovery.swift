import Template

extension Logging {
  /// LOG003: DynamoDB tables keep point-in-time recovery.
  static let tablePointInTimeRecovery = Rule(
    id: "LOG003", title: "DynamoDB table has point-in-time recovery", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::DynamoDB::Table"],
    rationale:
      "Point-in-time recovery restores a table to any second of the last 35 days after a bad write or a delete; without it the table has no backup unless one is scheduled elsewhere.",
    remediation: "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(
          logicalID, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"),
        logicalID: logicalID,
        path: "Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        question: "point-in-time recovery is on"
      ) {
        context.expectTrue(
          $0, absent: "table has no point-in-time recovery (PointInTimeRecoveryEnabled is not set)",
          isFalse: "table has point-in-time recovery turned off")
      }
    }
  }
}
