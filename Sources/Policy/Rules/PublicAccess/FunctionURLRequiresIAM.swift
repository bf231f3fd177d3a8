import Semantics
import Template

extension PublicAccess {
  /// PUB010: a Lambda function URL authenticates its callers with IAM.
  static let functionURLAuth = Rule(
    id: "PUB010", title: "Lambda function URL requires IAM authentication (AuthType AWS_IAM)",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: ["AWS::Lambda::Url", "AWS::Serverless::Function"],
    rationale:
      "A function URL with AuthType NONE is an HTTPS endpoint anyone on the internet can call; the function's own code is then the only access control, and every call is billed to the account. The finding is on the URL (or the SAM function's FunctionUrlConfig), where the choice is written.",
    remediation:
      "Set AuthType AWS_IAM and grant lambda:InvokeFunctionUrl to the callers, or put the function behind API Gateway or CloudFront with an authorizer. If the endpoint is public by design (a webhook that checks a signature), suppress PUB010 on it with that reason."
  ) { context in
    context.findingsPerResource { logicalID, resource -> [Finding] in
      let serverless = resource.type == "AWS::Serverless::Function"
      let authType =
        serverless
        ? context.property(logicalID, "FunctionUrlConfig", "AuthType")
        : context.property(logicalID, "AuthType")
      let path = serverless ? "Properties.FunctionUrlConfig.AuthType" : "Properties.AuthType"
      return context.judge(
        authType, logicalID: logicalID, path: path, question: "the function URL requires IAM"
      ) { possibility in
        if possibility.isAbsent { return .pass }
        switch context.literal(possibility) {
        case .failure(let unknown):
          return context.parameterRulesOut(["NONE"], in: possibility)
            ? .pass : .unknown(unknown.reason)
        case .success(let value?) where value.uppercased() == "NONE":
          return .fail(
            "function URL has AuthType NONE: anyone on the internet can invoke the function")
        case .success:
          return .pass
        }
      }
    }
  }
}
