import Template

/// A Lambda function with the companions its configuration needs, so none can be forgotten:
/// its log group `/aws/lambda/<name>` (`<id>LogGroup`, encrypted, with retention) and an
/// execution policy on its role (`<id>ExecutionPolicy`) allowing exactly what Lambda does with
/// the role for this configuration: write to that log group, send to the dead-letter queue,
/// manage network interfaces in the VPC, send traces.
///
/// The function's name is fixed (`<application>-<environment>-<name>`) so its log group can
/// exist, encrypted and with retention, before the function first runs; otherwise Lambda
/// creates `/aws/lambda/<name>` itself, unencrypted and kept forever.
///
/// Defaults: arm64 (cheaper per millisecond, and Python and Node.js code runs unchanged),
/// 256 MB, 30 seconds, active X-Ray tracing, log retention one year. Render errors, each a
/// failed deployment otherwise: inline code for a runtime that cannot take it, longer than
/// CloudFormation accepts, or with a handler outside `index`; a timeout, memory size or
/// reserved concurrency out of range; a reserved or malformed environment variable name.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html>
public struct LambdaFunction: ResourceDeclaration {
  /// Where the function's code comes from.
  public enum Code: Sendable {
    /// Source written in the blueprint (`Code.ZipFile`), saved by CloudFormation as `index.py`
    /// or `index.js`; the handler must then start with `index.`.
    case inline(String)
    /// A deployment package in S3 (bucket and key usually from parameters).
    case s3(bucket: any ValueConvertible, key: any ValueConvertible)
  }

  /// The VPC subnets and security groups the function's network interfaces use.
  public struct VPC: Sendable {
    public var subnets: [Value]
    public var securityGroups: [Value]
    public init(subnets: [PhysicalID<Subnet>], securityGroups: [PhysicalID<SecurityGroup>]) {
      self.subnets = subnets.map(\.value)
      self.securityGroups = securityGroups.map(\.value)
    }
  }

  public enum Architecture: String, Sendable {
    case arm64
    case x86_64
  }

  public enum Tracing: String, Sendable {
    case active = "Active"
    case passThrough = "PassThrough"
  }

  public enum LogFormat: String, Sendable {
    case text = "Text"
    case json = "JSON"
  }

  /// Environment variable names Lambda sets itself and refuses to take from a function.
  public static let reservedVariables: Set<String> = [
    "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
  ]

  /// The most inline source CloudFormation accepts in `ZipFile`.
  public static let inlineCodeLimit = 4096

  public var logicalID: String
  /// The duty name: the function is `<application>-<environment>-<name>`.
  public var name: String
  public var description: String
  public var runtime: LambdaRuntime
  public var handler: String
  public var code: Code
  public var role: Role
  public var architecture: Architecture
  public var timeout: TimeSpan
  public var memory: Int
  public var environment: [(name: String, value: Value)]
  /// The key that encrypts the environment variables at rest.
  public var environmentKey: ARN<KMSKey>
  public var vpc: VPC?
  /// Where asynchronous invocations that failed every retry go (SQS).
  public var deadLetterQueue: ARN<Queue>?
  public var reservedConcurrency: Int?
  public var tracing: Tracing
  public var logFormat: LogFormat
  public var logKey: ARN<KMSKey>
  public var logRetention: TimeSpan
  public var tags: [Tag]
  /// Findings of `formation lint` (and checkov) accepted for this function, with their reasons.
  public var suppressions: [Suppression]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, description: String, runtime: LambdaRuntime,
    handler: String, code: Code, role: Role, architecture: Architecture = .arm64,
    timeout: TimeSpan = .seconds(30), memory: Int = 256,
    environment: KeyValuePairs<String, any ValueConvertible> = [:], environmentKey: ARN<KMSKey>,
    vpc: VPC? = nil, deadLetterQueue: ARN<Queue>? = nil, reservedConcurrency: Int? = nil,
    tracing: Tracing = .active, logFormat: LogFormat = .text, logKey: ARN<KMSKey>,
    logRetention: TimeSpan = .days(365), tags: [Tag] = [], suppressions: [Suppression] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.description = description
    self.runtime = runtime
    self.handler = handler
    self.code = code
    self.role = role
    self.architecture = architecture
    self.timeout = timeout
    self.memory = memory
    self.environment = environment.map { ($0.key, $0.value.value) }
    self.environmentKey = environmentKey
    self.vpc = vpc
    self.deadLetterQueue = deadLetterQueue
    self.reservedConcurrency = reservedConcurrency
    self.tracing = tracing
    self.logFormat = logFormat
    self.logKey = logKey
    self.logRetention = logRetention
    self.tags = tags
    self.suppressions = suppressions
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<LambdaFunction> { ARN(attribute("Arn")) }
  /// The function's name, the `FunctionName` dimension of its metrics.
  public var functionName: Name<LambdaFunction> { Name(ref) }
  /// The companion log group's name (`/aws/lambda/<function>`), for metric filters.
  public var logGroupName: Name<LogGroup> { Name(.ref(logicalID + "LogGroup")) }
  /// The companion log group's ARN.
  public var logGroupARN: ARN<LogGroup> { ARN(.getAtt(logicalID + "LogGroup", "Arn")) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    validate(into: &context)
    let physicalName = "\(context.applicationName)-${\(context.environmentParameter)}-\(name)"
    var logGroup = LogGroup(
      logicalID + "LogGroup", name: Value.sub("/aws/lambda/" + physicalName), key: logKey,
      retention: logRetention, tags: tags)
    logGroup.origin = origin

    var properties = Properties()
    properties["FunctionName"] = context.physicalName(name)
    properties["Description"] = description
    properties["Runtime"] = runtime.rawValue
    properties["Handler"] = handler
    switch code {
    case .inline(let source): properties["Code"] = ["ZipFile": .string(source)] as Value
    case .s3(let bucket, let key):
      properties["Code"] = ["S3Bucket": bucket.value, "S3Key": key.value] as Value
    }
    properties["Role"] = role.arn
    properties["Architectures"] = [Value.string(architecture.rawValue)] as Value
    properties["Timeout"] = timeout.seconds
    properties["MemorySize"] = memory
    if !environment.isEmpty {
      var variables = OrderedMap<Value>()
      for (name, value) in environment { variables[name] = value }
      properties["Environment"] = ["Variables": .map(variables)] as Value
    }
    properties["KmsKeyArn"] = environmentKey
    if let vpc {
      properties["VpcConfig"] =
        ["SubnetIds": .list(vpc.subnets), "SecurityGroupIds": .list(vpc.securityGroups)] as Value
    }
    if let deadLetterQueue {
      properties["DeadLetterConfig"] = ["TargetArn": deadLetterQueue.value] as Value
    }
    properties.set("ReservedConcurrentExecutions", reservedConcurrency)
    properties["TracingConfig"] = ["Mode": .string(tracing.rawValue)] as Value
    properties["LoggingConfig"] =
      ["LogFormat": .string(logFormat.rawValue), "LogGroup": logGroup.ref] as Value
    properties.set("Tags", (context.tags + tags).keyValueList)
    var function = Resource(
      type: "AWS::Lambda::Function", properties: properties.map,
      dependsOn: [logicalID + "ExecutionPolicy"])
    function.metadata = suppressions.metadata

    let policy = Resource(
      type: "AWS::IAM::RolePolicy",
      properties: [
        "PolicyName": "lambda-execution",
        "RoleName": role.roleName.value,
        "PolicyDocument": executionStatements(logGroup).document(into: &context),
      ])
    return logGroup.lower(into: &context) + [
      LoweredResource(logicalID + "ExecutionPolicy", policy, origin: origin),
      LoweredResource(logicalID, function, origin: origin),
    ]
  }

  /// What Lambda itself does with the role for this configuration, each on the narrowest
  /// resource the action supports.
  func executionStatements(_ logGroup: LogGroup) -> [Permission] {
    var statements = [
      Permission.allow(
        ["logs:CreateLogStream", "logs:PutLogEvents"], on: [logGroup.arn], sid: "WriteOwnLogs")
    ]
    if let deadLetterQueue {
      statements.append(
        .allow(["sqs:SendMessage"], on: [deadLetterQueue], sid: "SendToDeadLetterQueue"))
    }
    if vpc != nil {
      statements += [
        // Lambda checks these when it creates the function's network interfaces; they are
        // scoped to this account and region's interfaces, subnets and security groups.
        .allow(
          [
            "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
          ],
          on: [
            ARN.resource(of: "ec2", "network-interface/*"), ARN.resource(of: "ec2", "subnet/*"),
            ARN.resource(of: "ec2", "security-group/*"),
          ], sid: "ManageVpcInterfaces"),
        // DescribeNetworkInterfaces supports no resource-level permission: only "*" works.
        .allow(["ec2:DescribeNetworkInterfaces"], on: ["*"], sid: "DescribeVpcInterfaces"),
      ]
    }
    if tracing == .active {
      // X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permission.
      statements.append(
        .allow(
          ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], on: ["*"], sid: "SendTraces"))
    }
    return statements
  }

  private func validate(into context: inout LoweringContext) {
    context.require(
      (1...900).contains(timeout.seconds), .invalidValue,
      "function '\(logicalID)': the timeout must be 1 second to 15 minutes, not \(timeout)",
      at: origin)
    context.require(
      (128...10_240).contains(memory), .invalidValue,
      "function '\(logicalID)': memory must be 128 to 10240 MB, not \(memory)", at: origin)
    if let reservedConcurrency {
      context.require(
        reservedConcurrency >= 1, .invalidValue,
        "function '\(logicalID)': a reserved concurrency of \(reservedConcurrency) would stop the function from running; give at least 1",
        at: origin)
    }
    if case .inline(let source) = code {
      context.require(
        runtime.acceptsInlineCode, .invalidValue,
        "function '\(logicalID)': \(runtime.rawValue) cannot take inline code; give an S3 location",
        at: origin)
      context.require(
        source.utf8.count <= Self.inlineCodeLimit, .invalidValue,
        "function '\(logicalID)': inline code is \(source.utf8.count) bytes; CloudFormation takes at most \(Self.inlineCodeLimit), so ship it as an S3 package",
        at: origin)
      context.require(
        handler.hasPrefix("index."), .invalidValue,
        "function '\(logicalID)': inline code is saved as index; the handler must be index.<function>, not '\(handler)'",
        at: origin)
    }
    var seen = Set<String>()
    for (variable, _) in environment {
      let first = variable.first.map { $0.isASCII && $0.isLetter } ?? false
      let rest = variable.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
      context.require(
        first && rest && variable.count >= 2, .invalidValue,
        "function '\(logicalID)': '\(variable)' is not an environment variable name (a letter, then letters, digits or _)",
        at: origin)
      context.require(
        !Self.reservedVariables.contains(variable), .invalidValue,
        "function '\(logicalID)': Lambda reserves the environment variable '\(variable)'",
        at: origin)
      context.require(
        seen.insert(variable).inserted, .invalidValue,
        "function '\(logicalID)': the environment variable '\(variable)' is set twice", at: origin)
    }
  }
}
