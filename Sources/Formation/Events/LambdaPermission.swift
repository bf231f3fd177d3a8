import Template

/// Lets an AWS service invoke a Lambda function on behalf of one resource of this account.
///
/// The source ARN and the source account are required by the type: a permission for a service
/// principal without them lets the service invoke the function for any customer's resource
/// (the confused-deputy problem). `EventRule` creates one for each Lambda target by itself.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html>
public struct LambdaPermission: ResourceDeclaration {
  public var logicalID: String
  public var function: ARN<LambdaFunction>
  /// The invoking service, `events.amazonaws.com`.
  public var service: String
  /// The one resource the service invokes for (a rule, a bucket, a topic).
  public var sourceARN: Value
  /// The account that owns `sourceARN`; the stack's own by default.
  public var sourceAccount: Value
  public var origin: SourceLocation

  public init(
    _ logicalID: String, function: ARN<LambdaFunction>, service: String,
    sourceARN: some ValueConvertible, sourceAccount: some ValueConvertible = AWS.accountID,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.function = function
    self.service = service
    self.sourceARN = sourceARN.value
    self.sourceAccount = sourceAccount.value
    self.origin = .blueprint(file, line)
  }

  init(
    _ logicalID: String, function: ARN<LambdaFunction>, service: String, sourceARN: Value,
    origin: SourceLocation
  ) {
    self.logicalID = logicalID
    self.function = function
    self.service = service
    self.sourceARN = sourceARN
    self.sourceAccount = AWS.accountID
    self.origin = origin
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      service.hasSuffix(".amazonaws.com") && !service.hasPrefix("."), .invalidValue,
      "lambda permission '\(logicalID)': '\(service)' is not a service principal (service.amazonaws.com)",
      at: origin)
    var properties = Properties()
    properties["Action"] = "lambda:InvokeFunction"
    properties["FunctionName"] = function
    properties["Principal"] = service
    properties["SourceAccount"] = sourceAccount
    properties["SourceArn"] = sourceARN
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::Lambda::Permission", properties: properties.map),
        origin: origin)
    ]
  }
}
