import Template

/// Targets of ARNs that name no single modelled resource: patterns over a service's resources
/// (`job/*`, `table/app-*`), objects in a bucket, AWS managed policies.
public enum S3Object {}
public enum AWSResource {}
public enum ManagedPolicy {}

/// Where an ARN's region or account field comes from.
///
/// An ARN's partition is always `${AWS::Partition}`, so a template deploys unchanged to the
/// China and GovCloud partitions; region and account are the stack's own unless the service
/// leaves them empty (S3, IAM) or the resource is AWS's (a managed policy's account is `aws`).
public enum ARNField: Sendable, Equatable {
  /// `${AWS::Region}` or `${AWS::AccountId}`: where the stack is deployed.
  case stack
  /// Left empty, as S3 bucket ARNs and IAM ARNs leave the region.
  case empty
  /// A fixed text (`aws` for the account of AWS managed policies).
  case literal(String)
}

extension ARN {
  /// `arn:${AWS::Partition}:<service>:<region>:<account>:<resource>` as `Fn::Sub`.
  ///
  /// `resource` is `Fn::Sub` text: it may name parameters (`genexomics-${Environment}-*`) and
  /// attributes (`${RawBucket.Arn}`), and a template checker reads the whole ARN as one pattern.
  public static func build(
    service: String, region: ARNField = .stack, account: ARNField = .stack, resource: String
  ) -> ARN {
    func text(_ field: ARNField, _ pseudo: String) -> String {
      switch field {
      case .stack: "${AWS::\(pseudo)}"
      case .empty: ""
      case .literal(let text): text
      }
    }
    return ARN(
      .sub(
        "arn:${AWS::Partition}:\(service):\(text(region, "Region")):\(text(account, "AccountId")):\(resource)"
      ))
  }
}

extension ARN where Target == S3Object {
  /// Objects of `bucket` whose key matches `key` (`runs/*`, `*`): `${Bucket.Arn}/<key>`.
  public static func s3Object(in bucket: Bucket, key: String) -> ARN<S3Object> {
    ARN(.sub("${\(bucket.logicalID).Arn}/\(key)"))
  }
}

extension ARN where Target == Bucket {
  /// A bucket (or a pattern of buckets) by name: `arn:${AWS::Partition}:s3:::<name>`.
  public static func s3Bucket(named name: String) -> ARN<Bucket> {
    .build(service: "s3", region: .empty, account: .empty, resource: name)
  }
}

extension ARN where Target == S3Object {
  /// Objects of the buckets named `bucket` whose key matches `key`:
  /// `arn:${AWS::Partition}:s3:::<bucket>/<key>`.
  public static func s3Object(inBucketNamed bucket: String, key: String) -> ARN<S3Object> {
    .build(service: "s3", region: .empty, account: .empty, resource: "\(bucket)/\(key)")
  }
}

extension ARN where Target == LogGroup {
  /// Log groups of this account and region whose name matches `name`:
  /// `arn:...:logs:${AWS::Region}:${AWS::AccountId}:log-group:<name>`.
  public static func logGroup(named name: String) -> ARN<LogGroup> {
    .build(service: "logs", resource: "log-group:\(name)")
  }
}

extension ARN where Target == Role {
  /// Roles of this account whose name (with its path) matches `name`:
  /// `arn:${AWS::Partition}:iam::${AWS::AccountId}:role/<name>`.
  public static func role(named name: String) -> ARN<Role> {
    .build(service: "iam", region: .empty, resource: "role/\(name)")
  }
}

extension ARN where Target == Table {
  /// DynamoDB tables of this account and region whose name matches `name`.
  public static func table(named name: String) -> ARN<Table> {
    .build(service: "dynamodb", resource: "table/\(name)")
  }
}

extension ARN where Target == JobDefinition {
  /// Batch job definitions of this account and region whose name (and revision) matches `name`.
  public static func jobDefinition(named name: String) -> ARN<JobDefinition> {
    .build(service: "batch", resource: "job-definition/\(name)")
  }
}

extension ARN where Target == Alarm {
  /// CloudWatch alarms of this account and region whose name matches `name`.
  public static func alarm(named name: String) -> ARN<Alarm> {
    .build(service: "cloudwatch", resource: "alarm:\(name)")
  }
}

extension ARN where Target == ManagedPolicy {
  /// An AWS managed policy: `arn:${AWS::Partition}:iam::aws:policy/<name>`.
  public static func awsManagedPolicy(_ name: String) -> ARN<ManagedPolicy> {
    .build(service: "iam", region: .empty, account: .literal("aws"), resource: "policy/\(name)")
  }
}

extension ARN where Target == AWSResource {
  /// Any resource of `service` in this account and region matching `resource` (`task/*`,
  /// `job/*`, `*`): for `aws:SourceArn` guards and services the DSL does not model.
  public static func resource(of service: String, _ resource: String) -> ARN<AWSResource> {
    .build(service: service, resource: resource)
  }

  /// The account itself as a principal: `arn:${AWS::Partition}:iam::${AWS::AccountId}:root`.
  public static var accountRoot: ARN<AWSResource> {
    .build(service: "iam", region: .empty, resource: "root")
  }
}
