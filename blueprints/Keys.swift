import Formation

/// The customer-managed keys: one per kind of data, so a key policy can say exactly who
/// decrypts what. Rotation is on for all (the `KMSKey` default), and the account root holds
/// only administrative actions: using a key requires being named below.
public enum Keys {
  /// Sequencing data and everything derived from it: the four buckets, the run-status table,
  /// container images and the Batch instances' EBS volumes.
  public static let dataKey = KMSKey(
    "DataKey",
    description:
      "GeneXOmics sequencing data: S3 buckets, DynamoDB run status, ECR images, EBS volumes.",
    alias: "data",
    statements: [
      // Batch launches its instances through EC2 Auto Scaling, whose service-linked role must be
      // named in the key policy itself (an IAM policy can't grant it KMS use) to create
      // encrypted volumes. KMS checks the principal exists: the role is created once per account
      // (`aws iam create-service-linked-role --aws-service-name autoscaling.amazonaws.com`).
      Grant(
        .allow, sid: "AutoScalingUsesKeyForVolumes", [.aws(autoScalingServiceRole)],
        [
          "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
        ], on: ["*"]),
      Grant(
        .allow, sid: "AutoScalingAttachesVolumes", [.aws(autoScalingServiceRole)],
        ["kms:CreateGrant"], on: ["*"],
        when: [.bool("kms:GrantIsForAWSResource", true)]),
    ])

  static let autoScalingServiceRole = Value.sub(
    "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"
  )

  /// CloudWatch Logs: VPC flow logs, Lambda and Batch logs. Only the Logs service of this
  /// account and region may use it, and only for this account's log groups.
  public static let logsKey = KMSKey(
    "LogsKey", description: "GeneXOmics CloudWatch log groups.", alias: "logs",
    services: [
      .init(
        "logs.${AWS::Region}.amazonaws.com",
        actions: [
          "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*",
        ],
        when: [
          .arnLike(
            "kms:EncryptionContext:aws:logs:arn",
            Value.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*"))
        ])
    ])

  /// Messages and function configuration: SNS alerts, SQS dead-letter queues, Lambda
  /// environment variables. CloudWatch alarms and EventBridge publish to the encrypted topic
  /// and queues, so those two services may generate data keys, for this account only.
  public static let messagingKey = KMSKey(
    "MessagingKey",
    description: "GeneXOmics SNS alerts, SQS dead-letter queues and Lambda environments.",
    alias: "messaging",
    services: ["cloudwatch.amazonaws.com", "events.amazonaws.com"].map {
      .init(
        $0, actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        when: [.stringEquals("aws:SourceAccount", AWS.accountID)])
    },
    statements: [
      // Deploying a function with encrypted environment variables: Lambda encrypts them and
      // creates a grant with the deployer's credentials. Scoped to calls made through Lambda in
      // this account, so IAM policies decide which deployers may, and only for Lambda.
      Grant(
        .allow, sid: "DeployFunctionsThroughLambda", [.account],
        ["kms:Encrypt", "kms:CreateGrant", "kms:DescribeKey"], on: ["*"],
        when: [
          .stringEquals("kms:ViaService", Value.sub("lambda.${AWS::Region}.amazonaws.com")),
          .stringEquals("kms:CallerAccount", AWS.accountID),
        ])
    ])

  /// Every role that reads or writes sequencing data, from the stacks that define them.
  static var dataKeyUsers: [Role] {
    Compute.dataKeyUsers + Orchestration.dataKeyUsers + Ingestion.dataKeyUsers
      + Monitoring.dataKeyUsers
  }

  static var messagingKeyUsers: [Role] {
    Compute.messagingKeyUsers + Orchestration.messagingKeyUsers + Ingestion.messagingKeyUsers
      + Monitoring.messagingKeyUsers
  }

  public static var stack: Stack {
    Stack(
      "keys",
      description:
        "GeneXOmics encryption keys: data, logs and messaging, with rotation and aliases."
    ) {
      // Users are added here, not in the declarations: the roles refer to the keys.
      dataKey.used(by: dataKeyUsers)
      logsKey
      messagingKey.used(by: messagingKeyUsers)
    }
  }
}
