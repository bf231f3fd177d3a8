import Formation

/// The private network the pipeline's compute runs in: two private subnets in two
/// availability zones, no internet gateway, no NAT gateway, and VPC endpoints for every AWS
/// service the Batch instances, the Nextflow head, its workers and in-VPC functions call.
///
/// **No route from or to the internet.** The route table holds only the local route and the
/// S3 and DynamoDB gateway endpoint routes; the DSL has no internet gateway type, so this is
/// not a setting that can drift.
///
/// **Egress for the packager (Benchling, SmartSheets).** Decided: the VPC gets no egress path
/// at all, and the packager Lambda runs *outside* the VPC. A NAT gateway would cost about
/// USD 33 a month per zone plus USD 0.045 per GB whether runs happen or not, needs public
/// subnets and an internet gateway, and would give every workload in these subnets a route
/// out that only security groups restrain. The packager needs no VPC resource: it reads
/// Secrets Manager, calls two HTTPS APIs and writes to S3, all with TLS and IAM, so outside
/// the VPC it loses nothing but the network isolation it must give up anyway to reach the
/// internet. The sequencing data stays in S3 and in the Batch instances, which never have a
/// route out. (checkov's "Lambda in a VPC" finding on the packager is explained there.)
///
/// **Two zones, /18 subnets.** Two is what the architecture asks for and keeps the 8 interface
/// endpoints at 16 network interfaces (about USD 117 a month); Spot capacity comes from the
/// c5 and r5 families' many sizes in both zones. The VPC block is cut in four /18s with
/// `Fn::Cidr`: two are used, two are kept for a third zone.
public enum Network {
  /// The VPC's block: a /16 from the company's address plan (one per environment, so VPCs can
  /// be peered later without overlap).
  public static let vpcCidr = StackParameter(
    "VpcCidr",
    description: "IPv4 block of the pipeline VPC, a /16; the private subnets are carved from it.",
    default: "10.20.0.0/16", allowedPattern: #"^(\d{1,3})\.(\d{1,3})\.0\.0/16$"#,
    constraintDescription: "an IPv4 /16 block such as 10.20.0.0/16")

  /// The managed prefix lists of S3 and DynamoDB in the stack's region. CloudFormation has no
  /// attribute that returns them, and they differ per region, so they are parameters; security
  /// groups use them to allow HTTPS to exactly the gateway endpoints' addresses.
  public static let s3PrefixList = StackParameter(
    "S3PrefixListId",
    description:
      "Id of the AWS-managed prefix list com.amazonaws.<region>.s3 (aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.<region>.s3).",
    allowedPattern: "^pl-[0-9a-f]{8,17}$", constraintDescription: "a prefix list id, pl-...")
  public static let dynamoDBPrefixList = StackParameter(
    "DynamoDBPrefixListId",
    description:
      "Id of the AWS-managed prefix list com.amazonaws.<region>.dynamodb (aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.<region>.dynamodb).",
    allowedPattern: "^pl-[0-9a-f]{8,17}$", constraintDescription: "a prefix list id, pl-...")

  public static let vpc = Vpc("Vpc", cidr: vpcCidr)

  public static let privateSubnetA = Subnet(
    "PrivateSubnetA", vpc: vpc, cidr: .slice(0, of: 4, prefixLength: 18), zone: .index(0))
  public static let privateSubnetB = Subnet(
    "PrivateSubnetB", vpc: vpc, cidr: .slice(1, of: 4, prefixLength: 18), zone: .index(1))
  /// Where Batch instances, interface endpoints and in-VPC functions live.
  public static var privateSubnets: [Subnet] { [privateSubnetA, privateSubnetB] }

  /// One table for both subnets: with no NAT gateway there is nothing zone-specific to route.
  public static let privateRouteTable = RouteTable(
    "PrivateRouteTable", vpc: vpc, subnets: [privateSubnetA, privateSubnetB])

  // MARK: Security groups

  /// The interface endpoints' group id, spelled by logical id: the compute and function
  /// groups name it in their egress while it names them in its ingress.
  static let endpointGroupID = SecurityGroup.id(of: "EndpointSecurityGroup")

  /// Batch instances (the ECS agent, the Nextflow head and the workers): HTTPS to the
  /// interface endpoints and to S3 through its gateway endpoint, nothing else; no ingress.
  public static let batchSecurityGroup = SecurityGroup(
    "BatchSecurityGroup", vpc: vpc,
    description: "Batch instances: HTTPS to the VPC endpoints and S3 only, no inbound traffic.",
    egress: [
      .allow(
        .https, to: .securityGroup(endpointGroupID), "AWS APIs through the interface endpoints"),
      .allow(.https, to: .prefixList(.external(s3PrefixList)), "S3 through the gateway endpoint"),
    ])

  /// Lambda functions attached to the VPC (the trigger and status functions, if the
  /// orchestration stack attaches them): AWS APIs, S3 and DynamoDB only; no ingress.
  public static let functionSecurityGroup = SecurityGroup(
    "FunctionSecurityGroup", vpc: vpc,
    description: "Pipeline functions in the VPC: HTTPS to the VPC endpoints, S3 and DynamoDB only.",
    egress: [
      .allow(
        .https, to: .securityGroup(endpointGroupID), "AWS APIs through the interface endpoints"),
      .allow(.https, to: .prefixList(.external(s3PrefixList)), "S3 through the gateway endpoint"),
      .allow(
        .https, to: .prefixList(.external(dynamoDBPrefixList)),
        "DynamoDB through the gateway endpoint"),
    ])

  /// The interface endpoints accept HTTPS from the pipeline's own groups only, not from the
  /// whole VPC block, and initiate nothing.
  public static let endpointSecurityGroup = SecurityGroup(
    "EndpointSecurityGroup", vpc: vpc,
    description: "VPC interface endpoints: HTTPS from the Batch and function security groups only.",
    ingress: [
      .allow(.https, from: .securityGroup(batchSecurityGroup.id), "HTTPS from Batch instances"),
      .allow(
        .https, from: .securityGroup(functionSecurityGroup.id), "HTTPS from pipeline functions"),
    ])

  // MARK: Endpoints

  /// S3 through the VPC, limited to this deployment's buckets in this account (whatever
  /// `BucketNamePrefix` they were given: they all end `-<environment>-<account id>`) and to the
  /// bucket ECR serves image layers from. `aws:ResourceAccount` matters because bucket names
  /// are global: another account could own a bucket that matches the name pattern.
  public static let s3Endpoint = GatewayEndpoint(
    "S3GatewayEndpoint", service: .s3, vpc: vpc, routeTables: [privateRouteTable],
    policy: [
      Grant(
        .allow, sid: "PipelineBuckets", [.anyone],
        [
          "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject",
          "s3:AbortMultipartUpload",
          "s3:ListMultipartUploadParts", "s3:ListBucket", "s3:ListBucketMultipartUploads",
          "s3:GetBucketLocation",
        ],
        on: [
          Value.sub("arn:${AWS::Partition}:s3:::*-${Environment}-${AWS::AccountId}"),
          Value.sub("arn:${AWS::Partition}:s3:::*-${Environment}-${AWS::AccountId}/*"),
        ],
        when: [.stringEquals("aws:ResourceAccount", AWS.accountID)]),
      Grant(
        .allow, sid: "EcrImageLayers", [.anyone], ["s3:GetObject"],
        on: [Value.sub("arn:${AWS::Partition}:s3:::prod-${AWS::Region}-starport-layer-bucket/*")]),
    ])

  /// DynamoDB through the VPC, limited to this deployment's tables (the run-status table).
  public static let dynamoDBEndpoint = GatewayEndpoint(
    "DynamoDBGatewayEndpoint", service: .dynamodb, vpc: vpc, routeTables: [privateRouteTable],
    policy: [
      Grant(
        .allow, sid: "PipelineTables", [.anyone],
        [
          "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
          "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
        ],
        on: [
          Value.sub(
            "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/genexomics-${Environment}-*"
          )
        ])
    ])

  /// What the private compute calls, each with why:
  /// - `ecr.api`, `ecr.dkr`: image manifests and authorization for `docker pull` (layers come
  ///   from S3 through the gateway endpoint);
  /// - `ecs`, `ecs-agent`, `ecs-telemetry`: the ECS agent on Batch instances registers,
  ///   polls for tasks and reports metrics;
  /// - `batch`: the Nextflow head submits and watches worker jobs;
  /// - `logs`: container output through the awslogs driver;
  /// - `ec2`: the ECS agent and Nextflow describe instances and tags.
  ///
  /// Each interface endpoint costs about USD 7.30 a month per zone whether anything calls it,
  /// so endpoints that serve nothing in the VPC are left out:
  /// - `sts`: job containers get their role's credentials from the ECS agent and functions from
  ///   Lambda, neither through STS;
  /// - `kms`: S3 (SSE-KMS), DynamoDB and EC2 (volumes) call KMS themselves, from outside the VPC;
  /// - `sns`, `secretsmanager`: nothing in the VPC publishes or reads secrets (the packager,
  ///   which reads the API secrets, runs outside it; alarms publish from CloudWatch);
  /// - `monitoring` (nothing in the VPC publishes custom metrics) and `ssm` (no Session Manager
  ///   on workers: no interactive access to genomic data hosts).
  public static let interfaceServices: [InterfaceEndpoint.Service] = [
    .ecrAPI, .ecrDocker, .ecs, .ecsAgent, .ecsTelemetry, .batch, .logs, .ec2,
  ]

  /// The ECS agent's endpoints get no endpoint policy: ECS documents endpoint policies for
  /// none of them, and a policy a service does not accept fails the deployment. Their traffic
  /// is the agent's own protocol, signed with the instance role, whose policy is scoped to
  /// this deployment's Batch clusters.
  static let servicesWithoutEndpointPolicy: Set<InterfaceEndpoint.Service> = [
    .ecs, .ecsAgent, .ecsTelemetry,
  ]

  /// The identity and resource perimeter: through these endpoints only this account's
  /// principals may call the service (stolen credentials of another account can't be used from
  /// inside the VPC), and only on this account's resources (this account's credentials can't
  /// push data to another account's log group or repository). `IfExists`, because actions
  /// without a resource (`ecr:GetAuthorizationToken`, EC2's describes) carry no
  /// `aws:ResourceAccount`. What each principal may do is its own role's business.
  static func accountPerimeter(_ service: InterfaceEndpoint.Service) -> [Grant] {
    let prefix = service.rawValue.hasPrefix("ecr.") ? "ecr" : service.rawValue
    return [
      Grant(
        .allow, sid: "OnlyThisAccountsPrincipals", [.anyone], [Action(prefix + ":*")], on: ["*"],
        when: [
          .stringEquals("aws:PrincipalAccount", AWS.accountID),
          PolicyCondition("StringEqualsIfExists", "aws:ResourceAccount", [AWS.accountID]),
        ])
    ]
  }

  static let noEndpointPolicy = Suppression(
    "NET010",
    reason:
      "ECS documents no endpoint policy for its agent endpoints; the agent signs with the instance role, scoped to this deployment's Batch clusters."
  )

  public static let interfaceEndpoints: [InterfaceEndpoint] = interfaceServices.map { service in
    let unsupported = servicesWithoutEndpointPolicy.contains(service)
    return InterfaceEndpoint(
      service.pascalName + "Endpoint", service: service, vpc: vpc,
      subnets: [privateSubnetA, privateSubnetB],
      securityGroups: [endpointSecurityGroup.id],
      policy: unsupported ? [] : accountPerimeter(service),
      suppressions: unsupported ? [noEndpointPolicy] : [])
  }

  // MARK: Flow logs

  /// Every accepted and rejected flow, kept a year (the `LogGroup` default) and encrypted with
  /// the logs key. Ten-minute aggregation (the AWS default): the VPC is quiet between runs and
  /// the records are for investigation, not real-time alerting.
  public static let flowLogGroup = LogGroup(
    "VpcFlowLogGroup", name: Value.sub("/genexomics/${Environment}/vpc-flow-logs"),
    key: Keys.logsKey.arn)

  public static let flowLog = FlowLog(
    "VpcFlowLog", vpc: vpc, traffic: .all, to: flowLogGroup, roleName: "vpc-flow-logs")

  /// The flow log role writes to a group the logs service encrypts, so it needs no key.
  public static var dataKeyUsers: [Role] { [] }
  public static var messagingKeyUsers: [Role] { [] }

  public static var stack: Stack {
    Stack(
      "network",
      description:
        "GeneXOmics network: private subnets in two zones, no internet route, VPC endpoints and flow logs."
    ) {
      vpcCidr
      s3PrefixList
      dynamoDBPrefixList
      vpc
      privateSubnetA
      privateSubnetB
      privateRouteTable
      batchSecurityGroup
      functionSecurityGroup
      endpointSecurityGroup
      s3Endpoint
      dynamoDBEndpoint
      interfaceEndpoints.map { $0 as any ResourceDeclaration }
      flowLogGroup
      flowLog
    }
  }
}
