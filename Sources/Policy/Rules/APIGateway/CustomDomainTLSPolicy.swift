import Template

extension APIGateway {
  /// API003: custom domain names refuse TLS 1.0 and 1.1.
  static let domainTLSPolicy = Rule(
    id: "API003", title: "API Gateway custom domains use a TLS 1.2 security policy",
    severity: .warning, family: .policy, theme: theme,
    resourceTypes: ["AWS::ApiGateway::DomainName", "AWS::ApiGatewayV2::DomainName"],
    rationale:
      "A custom domain without SecurityPolicy, or with TLS_1_0, accepts TLS 1.0 and 1.1 from clients; the default endpoint (execute-api) and TLS_1_2 do not.",
    remediation: "Set SecurityPolicy: TLS_1_2 (DomainNameConfigurations[].SecurityPolicy for HTTP APIs)."
  ) { context in
    let policies = [
      "AWS::ApiGateway::DomainName": ["SecurityPolicy"],
      "AWS::ApiGatewayV2::DomainName": ["DomainNameConfigurations", "SecurityPolicy"],
    ]
    return context.findingsPerResource { logicalID, resource in
      guard let keys = policies[resource.type ?? ""] else { return [] }
      var reading = context.properties(of: logicalID)
      for key in keys {
        reading = reading.child(key)
        if key == "DomainNameConfigurations" { reading = reading.items() }
      }
      return context.judge(
        reading, logicalID: logicalID, path: "Properties." + keys.joined(separator: "."),
        question: "the domain refuses TLS 1.0"
      ) {
        context.expectNone(
          of: ["TLS_1_0"], $0, absent: "custom domain has no SecurityPolicy and accepts TLS 1.0"
        ) { "custom domain accepts TLS 1.0 (SecurityPolicy: \($0))" }
      }
    }
  }
}
