import Semantics
import Template

/// The properties `aws cloudformation package` (and `sam package`) rewrite: written as a local
/// path or an S3 URI (`Code: ./src`, `Code: s3://bucket/code.zip`), they become the object
/// CloudFormation takes (`{S3Bucket, S3Key}`) when the template is packaged.
///
/// A string there is the packager's input, not a mistake: the wrong-type check reports it as a
/// warning that the template must be packaged before it is deployed.
enum PackagedProperty {
  static let byType: [String: Set<String>] = [
    "AWS::Lambda::Function": ["Code"],
    "AWS::Lambda::LayerVersion": ["Content"],
    "AWS::ApiGateway::RestApi": ["BodyS3Location"],
    "AWS::ApiGatewayV2::Api": ["BodyS3Location"],
    "AWS::ElasticBeanstalk::ApplicationVersion": ["SourceBundle"],
    "AWS::StepFunctions::StateMachine": ["DefinitionS3Location"],
    "AWS::CodeCommit::Repository": ["Code"],
  ]

  /// Whether `issue` is a packager's input: a string where `type` takes an object the packager
  /// makes from it.
  static func isPackagerInput(_ issue: SchemaIssue, type: String, resource: Resource) -> Bool {
    guard issue.kind == .wrongType, let properties = byType[type],
      issue.path.hasPrefix("Properties.")
    else { return false }
    let key = String(issue.path.dropFirst("Properties.".count))
    return properties.contains(key) && resource.properties[key]?.stringValue != nil
  }
}
