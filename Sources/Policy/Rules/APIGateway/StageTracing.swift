import Template

extension APIGateway {
  /// API005: REST API stages send traces to X-Ray.
  static let stageTracing = Rule(
    id: "API005", title: "API Gateway REST stages trace requests with X-Ray", severity: .info,
    family: .policy, theme: theme, resourceTypes: ["AWS::ApiGateway::Stage"],
    rationale:
      "X-Ray traces follow a request from the stage through its integrations, which helps to tell an attack or fault from normal latency. Optional, hence info.",
    remediation: "Set TracingEnabled: true."
  ) { context in
    context.requireTrue(
      "TracingEnabled", question: "the stage traces requests",
      absent: "stage does not trace requests with X-Ray (TracingEnabled is not set)",
      isFalse: "stage does not trace requests with X-Ray (TracingEnabled: false)")
  }
}
