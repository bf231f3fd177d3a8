import Template

/// Deploy forecast: templates that are valid and pass every policy check, yet fail when
/// CloudFormation deploys or updates them in a real account: a second environment's name
/// collides, an export changes under an importer, a principal does not exist yet, a quota
/// is lower than the template assumes, a bucket setting cannot change after creation.
public enum DeployForecast {
  public static let theme = "deploy-forecast"

  public static var rules: [Rule] {
    [
      fixedPhysicalName, globalBucketName, unstableExport, principalMustExist,
      reservedConcurrency, bucketSettingFixedAtCreation,
    ]
  }

  /// The property that names each resource type whose physical name is unique per account
  /// and region (or, for buckets, in all of AWS).
  static let nameProperties: [String: String] = [
    "AWS::KMS::Alias": "AliasName",
    "AWS::S3::Bucket": "BucketName",
    "AWS::IAM::Role": "RoleName",
    "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
    "AWS::IAM::InstanceProfile": "InstanceProfileName",
    "AWS::IAM::User": "UserName",
    "AWS::IAM::Group": "GroupName",
    "AWS::Logs::LogGroup": "LogGroupName",
    "AWS::Logs::ResourcePolicy": "PolicyName",
    "AWS::DynamoDB::Table": "TableName",
    "AWS::SQS::Queue": "QueueName",
    "AWS::SNS::Topic": "TopicName",
    "AWS::SecretsManager::Secret": "Name",
    "AWS::SSM::Parameter": "Name",
    "AWS::ECR::Repository": "RepositoryName",
    "AWS::Batch::ComputeEnvironment": "ComputeEnvironmentName",
    "AWS::Batch::JobQueue": "JobQueueName",
    "AWS::Batch::JobDefinition": "JobDefinitionName",
    "AWS::Lambda::Function": "FunctionName",
    "AWS::EC2::LaunchTemplate": "LaunchTemplateName",
    "AWS::Events::Rule": "Name",
    "AWS::Events::EventBus": "Name",
    "AWS::CloudWatch::Alarm": "AlarmName",
    "AWS::StepFunctions::StateMachine": "StateMachineName",
    "AWS::Kinesis::Stream": "Name",
    "AWS::Chatbot::SlackChannelConfiguration": "ConfigurationName",
    "AWS::ECS::Cluster": "ClusterName",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "Name",
  ]

  /// Parameter names that say the template is deployed once per environment or stage.
  static func isDeploymentParameter(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return ["environment", "env", "stage", "environmentname", "stagename", "envname"].contains(
      lowered) || lowered.hasSuffix("environment") || lowered.hasSuffix("stage")
  }

  /// The template's parameter that separates its deployments, if it has one.
  static func deploymentParameter(of template: Template) -> String? {
    template.parameters.keys.first(where: isDeploymentParameter)
  }

  /// Every name a value refers to: `Ref`s, `Fn::GetAtt` resources and `Fn::Sub` references.
  static func referencedNames(in value: Value) -> Set<String> {
    Set(value.references.map(\.name))
  }

  /// The value as written, for messages: a literal as is, `Fn::Sub` as its template.
  static func spelled(_ value: Value) -> String {
    if let text = value.stringValue { return text }
    if case .intrinsic(.sub(let sub)) = value.kind { return sub.template }
    if case .intrinsic(let function) = value.kind { return "(\(function.name))" }
    return value.kindDescription
  }

  /// The short name of a resource type for messages: `AWS::KMS::Alias` is "alias".
  static func noun(_ type: String) -> String {
    switch type {
    case "AWS::KMS::Alias": "alias"
    case "AWS::S3::Bucket": "bucket"
    case "AWS::IAM::Role": "role"
    case "AWS::Logs::LogGroup": "log group"
    case "AWS::DynamoDB::Table": "table"
    case "AWS::SQS::Queue": "queue"
    case "AWS::SNS::Topic": "topic"
    case "AWS::SecretsManager::Secret": "secret"
    case "AWS::ECR::Repository": "repository"
    case "AWS::Batch::ComputeEnvironment": "compute environment"
    case "AWS::Batch::JobQueue": "job queue"
    case "AWS::Batch::JobDefinition": "job definition"
    case "AWS::Lambda::Function": "function"
    case "AWS::EC2::LaunchTemplate": "launch template"
    case "AWS::CloudWatch::Alarm": "alarm"
    default: String(type.split(separator: ":").last ?? "resource").lowercased()
    }
  }
}
