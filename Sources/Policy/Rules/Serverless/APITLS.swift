import Template

extension Serverless {
  /// SAM003: a SAM REST API's custom domain accepts TLS 1.2 and later only.
  static let apiTLS = Rule(
    id: "SAM003", title: "SAM REST API custom domain requires TLS 1.2", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Serverless::Api"],
    rationale:
      "A REST API custom domain without SecurityPolicy accepts TLS 1.0, whose weaknesses let an attacker on the network path downgrade or read traffic. An HttpApi domain only offers TLS 1.2 and is not reported.",
    remediation: "Set Domain.SecurityPolicy to TLS_1_2."
  ) { context in
    context.findingsPerResource { logicalID, resource -> [Finding] in
      let domain = context.property(logicalID, "Domain")
      return domain.possibilities.filter { !$0.isAbsent }.flatMap { declared in
      context.judge(
        domain.child("SecurityPolicy").after(declared), logicalID: logicalID,
        path: "Properties.Domain.SecurityPolicy", question: "the custom domain requires TLS 1.2"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil):
          return .fail("API custom domain has no SecurityPolicy and accepts TLS 1.0; set TLS_1_2")
        case .success(let policy?) where policy.uppercased() == "TLS_1_0":
          return .fail("API custom domain accepts TLS 1.0 (SecurityPolicy TLS_1_0); set TLS_1_2")
        case .success:
          return .pass
        }
      }
      }
    }
  }
}
