import Template

/// The SAM policy templates Formation expands (`S3CrudPolicy: {BucketName: !Ref Bucket}`),
/// so a SAM function's grants are judged as the role SAM deploys for it.
///
/// Each template is what the AWS SAM specification documents it to expand to: the actions it
/// allows and the resources, with `${Parameter}` where the template's argument goes (the
/// expansion is an `Fn::Sub` with the arguments as variables, as SAM writes it). A template
/// not listed here is an Allow of unknown actions: every question about the function is then
/// answered "unknown", never "not allowed".
public enum SAMPolicyTemplates {
  /// One Allow statement of a template.
  package struct Grant: Sendable {
    package var actions: [String]
    package var resources: [String]
  }

  private static func arn(_ service: String, _ rest: String) -> String {
    "arn:${AWS::Partition}:\(service):${AWS::Region}:${AWS::AccountId}:\(rest)"
  }

  private static let bucket = ["arn:${AWS::Partition}:s3:::${BucketName}"]
  private static let bucketAndObjects = bucket + ["arn:${AWS::Partition}:s3:::${BucketName}/*"]
  private static let table = [
    arn("dynamodb", "table/${TableName}"), arn("dynamodb", "table/${TableName}/index/*"),
  ]

  /// The templates by name.
  package static let known: [String: [Grant]] = [
    "S3ReadPolicy": [
      Grant(
        actions: [
          "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
          "s3:GetLifecycleConfiguration",
        ], resources: bucketAndObjects)
    ],
    "S3WritePolicy": [
      Grant(
        actions: ["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"],
        resources: bucketAndObjects)
    ],
    "S3CrudPolicy": [
      Grant(
        actions: [
          "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
          "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration",
          "s3:PutLifecycleConfiguration", "s3:DeleteObject",
        ], resources: bucketAndObjects)
    ],
    "S3FullAccessPolicy": [
      Grant(
        actions: [
          "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectVersion", "s3:PutObject",
          "s3:PutObjectAcl", "s3:DeleteObject", "s3:DeleteObjectTagging",
          "s3:DeleteObjectVersionTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging",
          "s3:PutObjectTagging", "s3:PutObjectVersionTagging",
        ], resources: ["arn:${AWS::Partition}:s3:::${BucketName}/*"]),
      Grant(
        actions: [
          "s3:ListBucket", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration",
          "s3:PutLifecycleConfiguration",
        ], resources: bucket),
    ],
    "DynamoDBReadPolicy": [
      Grant(
        actions: [
          "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
          "dynamodb:DescribeTable",
        ], resources: table)
    ],
    "DynamoDBWritePolicy": [
      Grant(
        actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"],
        resources: table)
    ],
    "DynamoDBCrudPolicy": [
      Grant(
        actions: [
          "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
          "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
          "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem",
        ], resources: table)
    ],
    "SQSPollerPolicy": [
      Grant(
        actions: [
          "sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
          "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage",
        ], resources: [arn("sqs", "${QueueName}")])
    ],
    "SQSSendMessagePolicy": [
      Grant(actions: ["sqs:SendMessage*"], resources: [arn("sqs", "${QueueName}")])
    ],
    "SNSPublishMessagePolicy": [
      Grant(actions: ["sns:Publish"], resources: [arn("sns", "${TopicName}")])
    ],
    "LambdaInvokePolicy": [
      Grant(
        actions: ["lambda:InvokeFunction"], resources: [arn("lambda", "function:${FunctionName}*")])
    ],
    "KMSDecryptPolicy": [Grant(actions: ["kms:Decrypt"], resources: [arn("kms", "key/${KeyId}")])],
    "KMSEncryptPolicy": [Grant(actions: ["kms:Encrypt"], resources: [arn("kms", "key/${KeyId}")])],
    "StepFunctionsExecutionPolicy": [
      Grant(
        actions: ["states:StartExecution"],
        resources: [arn("states", "stateMachine:${StateMachineName}")])
    ],
    "SSMParameterReadPolicy": [
      Grant(actions: ["ssm:DescribeParameters"], resources: ["*"]),
      Grant(
        actions: ["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"],
        resources: [arn("ssm", "parameter/${ParameterName}")]),
    ],
    "AWSSecretsManagerGetSecretValuePolicy": [
      Grant(actions: ["secretsmanager:GetSecretValue"], resources: ["${SecretArn}"])
    ],
    "EventBridgePutEventsPolicy": [
      Grant(actions: ["events:PutEvents"], resources: [arn("events", "event-bus/${EventBusName}")])
    ],
    "CloudWatchPutMetricPolicy": [Grant(actions: ["cloudwatch:PutMetricData"], resources: ["*"])],
    "EC2DescribePolicy": [
      Grant(actions: ["ec2:DescribeRegions", "ec2:DescribeInstances"], resources: ["*"])
    ],
    "VPCAccessPolicy": [
      Grant(
        actions: [
          "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
          "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface",
        ], resources: ["*"])
    ],
    "FirehoseWritePolicy": [
      Grant(
        actions: ["firehose:PutRecord", "firehose:PutRecordBatch"],
        resources: [arn("firehose", "deliverystream/${DeliveryStreamName}")])
    ],
    "KinesisCrudPolicy": [
      Grant(
        actions: [
          "kinesis:AddTagsToStream", "kinesis:CreateStream", "kinesis:DecreaseStreamRetentionPeriod",
          "kinesis:DeleteStream", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
          "kinesis:GetShardIterator", "kinesis:IncreaseStreamRetentionPeriod",
          "kinesis:ListTagsForStream", "kinesis:MergeShards", "kinesis:PutRecord",
          "kinesis:PutRecords", "kinesis:SplitShard", "kinesis:RemoveTagsFromStream",
        ], resources: [arn("kinesis", "stream/${StreamName}")])
    ],
    "TextractPolicy": [Grant(actions: ["textract:*"], resources: ["*"])],
  ]

  /// The template's expansion as a policy document written at `location`, with `arguments`
  /// (the template's mapping: `{BucketName: !Ref Bucket}`) as the `Fn::Sub` variables; `nil`
  /// when the template is not known or an argument it needs is missing.
  package static func document(_ name: String, arguments: Value, at location: SourceLocation?) -> Value? {
    guard let grants = known[name] else { return nil }
    var variables = OrderedMap<Value>()
    for grant in grants {
      for resource in grant.resources {
        for case .reference(let parameter) in Sub(resource).parts
        where !parameter.hasPrefix("AWS::") && variables[parameter] == nil {
          guard let argument = arguments[parameter] else { return nil }
          variables[parameter] = argument
        }
      }
    }
    let statements = grants.map { grant -> Value in
      var statement = OrderedMap<Value>()
      statement["Effect"] = Value(.string("Allow"), at: location)
      statement["Action"] = Value(
        .list(grant.actions.map { Value(.string($0), at: location) }), at: location)
      statement["Resource"] = Value(
        .list(
          grant.resources.map { resource in
            resource == "*"
              ? Value(.string("*"), at: location)
              : Value(.intrinsic(.sub(Sub(resource, variables: variables))), at: location)
          }), at: location)
      return Value(.map(statement), at: location)
    }
    return Value(.map(["Statement": Value(.list(statements), at: location)]), at: location)
  }
}
