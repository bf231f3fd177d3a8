import Template

/// A CloudWatch Logs resource policy: lets an AWS service write to log groups of this
/// account (DataSync, EventBridge), which its own role cannot do for it.
///
/// Each grant should be scoped with `aws:SourceAccount` and `aws:SourceArn` conditions, so the
/// service writes only on behalf of this account's resources. An account holds at most 10 of
/// these per region, so one per service is the pattern.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-resourcepolicy.html>
public struct LogResourcePolicy: ResourceDeclaration {
  public var logicalID: String
  /// The duty name; the policy is `<application>-<environment>-<name>`.
  public var name: String
  public var statements: [Grant]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, statements: [Grant], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.statements = statements
    self.origin = .blueprint(file, line)
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !statements.isEmpty, .invalidValue,
      "log resource policy '\(logicalID)' has no statement", at: origin)
    for statement in statements where statement.resources == nil {
      context.fail(
        .invalidValue,
        "log resource policy '\(logicalID)': every statement must name the log groups it covers",
        at: origin)
    }
    let properties: OrderedMap<Value> = [
      "PolicyName": context.physicalName(name),
      "PolicyDocument": statements.document(into: &context),
    ]
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::Logs::ResourcePolicy", properties: properties),
        origin: origin)
    ]
  }
}
