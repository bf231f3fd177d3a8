import Template

extension ApplicationServices {
  /// APS001: appSync APIs log to CloudWatch.
  static let appSyncLogging = Rule(
    id: "APS001", title: "AppSync APIs log to CloudWatch", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::AppSync::GraphQLApi"],
    rationale:
      "Without LogConfig an AppSync API records no request, resolver error or authorization failure.",
    remediation:
      "Set LogConfig with CloudWatchLogsRoleArn and FieldLogLevel ERROR or ALL."
  ) { context in
    context.inspectedLogicalIDs.flatMap {
      context.requirePresent(
        $0, ["LogConfig"], question: "the API logs requests",
        absent: "API writes no logs (no LogConfig)")
    }
  }
}
