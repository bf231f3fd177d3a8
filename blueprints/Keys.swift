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
      // Batch launches its instances through EC2 Auto Scaling and EC2 Fleet, whose
      // service-linked roles create the encrypted volumes and need the key for it. Naming
      // those roles as principals would make KMS reject the whole policy in an account where a
      // role does not exist yet (a fresh account), so the statement names no principal that
      // must exist: any principal of this account, only through EC2, and only an AWS
      // service-linked role (a condition value, which KMS does not check for existence).
      Grant(
        .allow, sid: "ServiceLinkedRolesUseKeyForVolumes", [.anyone],
        [
          "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
        ], on: ["*"], when: throughEC2ByServiceLinkedRoles),
      Grant(
        .allow, sid: "ServiceLinkedRolesAttachVolumes", [.anyone], ["kms:CreateGrant"], on: ["*"],
        when: throughEC2ByServiceLinkedRoles + [.bool("kms:GrantIsForAWSResource", true)]),
      // People and tools outside the pipeline (loading GRCh38 references, downloading results)
      // read and write through S3 only, and only if an IAM policy of theirs also allows the
      // key: the key policy delegates to IAM instead of listing every reader, so granting a
      // reader is an IAM change (docs/genexomics.md, "Grant a reader"), not a key-policy edit.
      Grant(
        .allow, sid: "AccountPrincipalsThroughS3", [.account],
        ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], on: ["*"],
        when: [
          .stringEquals("kms:ViaService", Value.sub("s3.${AWS::Region}.amazonaws.com")),
          .stringEquals("kms:CallerAccount", AWS.accountID),
        ]),
    ],
    suppressions: [
      Suppression(
        checkov: "CKV_AWS_33",
        reason:
          "The two statements with Principal * are limited to this account's service-linked roles calling through EC2 (kms:CallerAccount, kms:ViaService, aws:PrincipalArn): naming the roles as principals fails in an account where they do not exist yet."
      )
    ])

  /// Calls EC2 makes for this account on behalf of a service-linked role (Auto Scaling, EC2
  /// Fleet, Batch), whatever roles exist today.
  static let throughEC2ByServiceLinkedRoles: [PolicyCondition] = [
    .stringEquals("kms:CallerAccount", AWS.accountID),
    .stringEquals("kms:ViaService", Value.sub("ec2.${AWS::Region}.amazonaws.com")),
    .arnLike(
      "aws:PrincipalArn",
      Value.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/*")),
  ]

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
