import Semantics
import Template

extension APIGateway {
  /// Where each stage names its access-log destination. (SAM APIs are judged by the SAM rules,
  /// on the lines of the SAM source.)
  static let accessLogDestinations: [String: [String]] = [
    "AWS::ApiGateway::Stage": ["AccessLogSetting", "DestinationArn"],
    "AWS::ApiGatewayV2::Stage": ["AccessLogSettings", "DestinationArn"],
  ]

  /// API002: API stages write access logs.
  static let stageAccessLogging = Rule(
    id: "API002", title: "API Gateway stages write access logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: accessLogDestinations.keys.sorted(),
    rationale:
      "Access logs record each caller (source address, identity, authorizer result, status); execution logs and metrics do not. Without them an abused or brute-forced API leaves no trail.",
    remediation:
      "Set AccessLogSetting (REST) or AccessLogSettings (HTTP, WebSocket) with DestinationArn naming a log group or Firehose stream, and a Format that includes $context.identity.sourceIp and $context.requestId."
  ) { context in
    context.judgeEach(at: accessLogDestinations, question: "the stage writes access logs") {
      $0.isAbsent ? .fail("stage writes no access logs (no access log DestinationArn)") : .pass
    }
  }
}
