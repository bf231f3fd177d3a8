import Semantics
import Template

extension Serverless {
  /// SAM002: a SAM API writes an access log.
  static let apiAccessLogging = Rule(
    id: "SAM002", title: "SAM API writes access logs", severity: .warning, family: .policy,
    theme: theme, resourceTypes: apiTypes,
    rationale:
      "An API's access log is the record of who called which route, from where, with what result; without it an abused or leaked endpoint leaves nothing to investigate.",
    remediation:
      "Set AccessLogSetting.DestinationArn (Serverless::Api) or AccessLogSettings.DestinationArn (Serverless::HttpApi) to a log group's ARN, with a Format that includes the caller and the request id."
  ) { context in
    context.findingsPerResource { logicalID, resource -> [Finding] in
      let property =
        resource.type == "AWS::Serverless::HttpApi" ? "AccessLogSettings" : "AccessLogSetting"
      return context.judge(
        context.property(logicalID, property, "DestinationArn"), logicalID: logicalID,
        path: "Properties.\(property).DestinationArn", question: "the API writes access logs"
      ) { possibility in
        possibility.isAbsent
          ? .fail("API has no \(property).DestinationArn; calls to it leave no access log")
          : .pass
      }
    }
  }
}
