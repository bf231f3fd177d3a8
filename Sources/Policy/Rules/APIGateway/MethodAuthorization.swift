import Template

extension APIGateway {
  /// API001: a REST API method asks for authorization or an API key.
  static let methodAuthorization = Rule(
    id: "API001", title: "API Gateway methods require authorization", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::ApiGateway::Method"],
    rationale:
      "A method with AuthorizationType NONE and no API key lets anyone on the internet invoke the integration behind it (a Lambda function, a service action with the API's role). OPTIONS methods answer CORS preflight requests and are not checked. An API that is public on purpose should say so with a suppression.",
    remediation:
      "Set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS or CUSTOM with an AuthorizerId, or ApiKeyRequired: true with a usage plan."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let verbs = context.property(logicalID, "HttpMethod").possibilities
      guard verbs.contains(where: { $0.text?.uppercased() != "OPTIONS" }) else { return [] }
      let verb = verbs.first?.text?.uppercased() ?? "method"
      let keyRequired = context.property(logicalID, "ApiKeyRequired").possibilities
      guard !keyRequired.allSatisfy({ $0.bool == true }) else { return [] }
      return context.judge(
        context.property(logicalID, "AuthorizationType"), logicalID: logicalID,
        path: "Properties.AuthorizationType", question: "the method requires authorization"
      ) { type in
        switch context.literal(type) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil):
          return .fail("\(verb) method has no AuthorizationType (NONE) and requires no API key")
        case .success(let text?) where text.uppercased() == "NONE":
          return .fail("\(verb) method requires no authorization (AuthorizationType: NONE) and no API key")
        case .success: return .pass
        }
      }
    }
  }
}
