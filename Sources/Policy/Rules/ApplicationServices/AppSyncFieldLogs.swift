import Template

extension ApplicationServices {
  /// APS002: appSync APIs log resolver errors.
  static let appSyncFieldLogs = Rule(
    id: "APS002", title: "AppSync APIs log resolver errors", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::AppSync::GraphQLApi"],
    rationale:
      "FieldLogLevel NONE (the default) drops the field-level log, the record of which resolver failed or was denied for whom.",
    remediation:
      "Set LogConfig.FieldLogLevel: ERROR (or ALL while debugging)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "LogConfig", "FieldLogLevel"), logicalID: logicalID,
        path: "Properties.LogConfig.FieldLogLevel", question: "the API logs resolver errors"
      ) {
        context.expectNone(of: ["NONE"], $0, absent: "API logs no resolver errors (LogConfig.FieldLogLevel is not set)") {
          "API logs no resolver errors (FieldLogLevel: \($0))"
        }
      }
    }
  }
}
