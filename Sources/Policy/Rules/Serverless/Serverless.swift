/// SAM resources (`Transform: AWS::Serverless-2016-10-31`) checked as what they deploy.
///
/// A SAM function's `Policies` are the role SAM makes for it and go through the policy index
/// like any role's (see `PolicyIndex`); its environment key, VPC and URL are judged by the
/// Lambda rules, which list `AWS::Serverless::Function`. The rules here are about what SAM
/// spells its own way: an API's authorizer, access log and TLS policy, a state machine's
/// logging. Each finding points at the SAM source line.
public enum Serverless {
  public static let theme = "serverless"

  public static var rules: [Rule] {
    [apiAuthorizer, apiAccessLogging, apiTLS, stateMachineLogging]
  }

  static let apiTypes = ["AWS::Serverless::Api", "AWS::Serverless::HttpApi"]
}
