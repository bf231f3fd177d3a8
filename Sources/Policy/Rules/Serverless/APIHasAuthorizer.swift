import Template

extension Serverless {
  /// SAM001: a SAM API authorizes callers by default.
  static let apiAuthorizer = Rule(
    id: "SAM001", title: "SAM API has a default authorizer", severity: .warning, family: .policy,
    theme: theme, resourceTypes: apiTypes,
    rationale:
      "Without Auth.DefaultAuthorizer every route of the API that does not name its own authorizer is open to anyone on the internet; a route added later is public unless its author remembers. A private REST API (EndpointConfiguration PRIVATE) is reachable only through VPC endpoints and is not reported.",
    remediation:
      "Set Auth.DefaultAuthorizer (AWS_IAM, a Cognito or Lambda authorizer, or a JWT authorizer for an HttpApi) and mark the routes that must be public with Auth.Authorizer NONE."
  ) { context in
    context.findingsPerResource { logicalID, resource -> [Finding] in
      let isPrivate = context.property(logicalID, "EndpointConfiguration", "Type").possibilities
        .contains { $0.text?.uppercased() == "PRIVATE" }
        || context.property(logicalID, "EndpointConfiguration").possibilities.contains {
          $0.text?.uppercased() == "PRIVATE"
        }
      if isPrivate { return [] }
      return context.judge(
        context.property(logicalID, "Auth", "DefaultAuthorizer"), logicalID: logicalID,
        path: "Properties.Auth.DefaultAuthorizer", question: "the API authorizes callers"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil):
          return .fail(
            "API has no Auth.DefaultAuthorizer; routes without their own authorizer accept unauthenticated calls"
          )
        case .success(let name?) where name.uppercased() == "NONE":
          return .fail("API sets Auth.DefaultAuthorizer NONE; its routes accept unauthenticated calls")
        case .success:
          return .pass
        }
      }
    }
  }
}
