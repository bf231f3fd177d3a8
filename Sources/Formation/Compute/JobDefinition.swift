import Template

/// An AWS Batch container job definition for EC2 compute environments.
///
/// Fixed rather than optional: `Privileged: false` (a job never gets root on the host), the
/// `EC2` platform, and tags propagated to the ECS tasks so cost reports see them. Logs go to
/// the given `LogGroup` through `awslogs`, so they land encrypted with the group's key
/// instead of in Batch's default, unencrypted `/aws/batch/job`.
///
/// ```swift
/// JobDefinition("NextflowHead", name: "nextflow-head",
///   container: .init(image: repository.image(tag: tag), vcpus: 2, memory: .mebibytes(4096),
///                    jobRole: headRole.arn, logGroup: jobLogs),
///   retry: RetryStrategy(attempts: 3, rules: [.retry(whenStatusReason: "Host EC2*"), .exit(whenReason: "*")]),
///   timeout: .hours(48))
/// ```
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-batch-jobdefinition.html>
public struct JobDefinition: ResourceDeclaration {
  /// Container memory, typed so a unit is never guessed.
  public struct Memory: Sendable, Hashable {
    public var mebibytes: Int
    public static func mebibytes(_ n: Int) -> Memory { Memory(mebibytes: n) }
    public static func gibibytes(_ n: Int) -> Memory { Memory(mebibytes: n * 1024) }
  }

  /// One environment variable.
  public struct EnvironmentVariable: Sendable {
    public var name: String
    public var value: Value
    public init(_ name: String, _ value: any ValueConvertible) {
      self.name = name
      self.value = value.value
    }
  }

  /// The container a job runs.
  public struct Container: Sendable {
    /// An image URI, usually `EcrRepository.image(tag:)`.
    public var image: Value
    /// The command; `Ref::name` elements are replaced by the job's parameters at submission.
    public var command: [Value]
    public var vcpus: Int
    public var memory: Memory
    /// The role the job's code runs as.
    public var jobRole: ARN<Role>?
    /// The role the ECS agent uses to pull the image and write logs for the task; `nil` lets
    /// the instance role do it (the EC2 default).
    public var executionRole: ARN<Role>?
    public var environment: [EnvironmentVariable]
    public var logGroup: LogGroup?
    /// The `awslogs-stream-prefix`.
    public var logStreamPrefix: String?
    public var readonlyRootFilesystem: Bool

    public init(
      image: any ValueConvertible, command: [any ValueConvertible] = [], vcpus: Int,
      memory: Memory, jobRole: ARN<Role>? = nil, executionRole: ARN<Role>? = nil,
      environment: [EnvironmentVariable] = [], logGroup: LogGroup? = nil,
      logStreamPrefix: String? = nil, readonlyRootFilesystem: Bool = false
    ) {
      self.image = image.value
      self.command = command.map(\.value)
      self.vcpus = vcpus
      self.memory = memory
      self.jobRole = jobRole
      self.executionRole = executionRole
      self.environment = environment
      self.logGroup = logGroup
      self.logStreamPrefix = logStreamPrefix
      self.readonlyRootFilesystem = readonlyRootFilesystem
    }
  }

  public var logicalID: String
  /// The duty name; the definition is named `<application>-<environment>-<name>`.
  public var name: String
  public var container: Container
  /// Defaults for the `Ref::name` placeholders of the command, in the order given.
  public var parameters: [(name: String, defaultValue: String)]
  public var retry: RetryStrategy?
  /// The longest one attempt may run before Batch stops it; at least 60 seconds.
  public var timeout: Duration?
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, container: Container,
    parameters: [(name: String, defaultValue: String)] = [], retry: RetryStrategy? = nil,
    timeout: Duration? = nil, tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.container = container
    self.parameters = parameters
    self.retry = retry
    self.timeout = timeout
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the ARN of the definition's latest revision (`...:job-definition/name:3`).
  ///
  /// It changes with every update that registers a new revision, so another stack must not
  /// import it (CloudFormation refuses to change an export that is imported): name the
  /// definition with `arnWithoutRevision` there instead.
  public var arn: ARN<JobDefinition> { ARN(ref) }

  /// `arn:...:job-definition/<application>-${<environment>}-<name>`, with no revision:
  /// `SubmitJob` given it runs the latest active revision, and it stays the same when an
  /// update registers a new one. Built from the fixed name, so it creates no import.
  public func arnWithoutRevision(application: String, environmentParameter: String)
    -> ARN<JobDefinition>
  {
    ARN(.sub(arnText(application, environmentParameter)))
  }

  /// `arnWithoutRevision` followed by `:*`: every revision, for a policy that lets a principal
  /// submit whichever revision is the latest.
  public func arnOfEveryRevision(application: String, environmentParameter: String)
    -> ARN<JobDefinition>
  {
    ARN(.sub(arnText(application, environmentParameter) + ":*"))
  }

  private func arnText(_ application: String, _ environmentParameter: String) -> String {
    "arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job-definition/\(application)-${\(environmentParameter)}-\(name)"
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      container.vcpus >= 1, .invalidValue,
      "job definition '\(logicalID)': a job needs at least 1 vCPU, not \(container.vcpus)",
      at: origin)
    context.require(
      container.memory.mebibytes >= 4, .invalidValue,
      "job definition '\(logicalID)': Batch needs at least 4 MiB of memory, not \(container.memory.mebibytes)",
      at: origin)
    if let timeout {
      context.require(
        timeout.seconds >= 60, .invalidValue,
        "job definition '\(logicalID)': Batch timeouts are at least 60 seconds, not \(timeout)",
        at: origin)
    }
    var names = Set<String>()
    for variable in container.environment {
      context.require(
        !variable.name.hasPrefix("AWS_BATCH"), .invalidValue,
        "job definition '\(logicalID)': environment variable \(variable.name) is reserved by Batch (AWS_BATCH*)",
        at: origin)
      context.require(
        names.insert(variable.name).inserted, .invalidValue,
        "job definition '\(logicalID)': environment variable \(variable.name) is set twice",
        at: origin)
    }
    let referenced = Set(
      container.command.compactMap { $0.stringValue }.filter { $0.hasPrefix("Ref::") }
        .map { String($0.dropFirst(5)) })
    for parameter in parameters where !referenced.contains(parameter.name) {
      context.fail(
        .invalidValue,
        "job definition '\(logicalID)': parameter '\(parameter.name)' is not used as Ref::\(parameter.name) in the command",
        at: origin)
    }

    var containerProperties = Properties()
    containerProperties["Image"] = container.image
    containerProperties.set("Command", Value.list(container.command))
    containerProperties["ResourceRequirements"] =
      [
        ["Type": "VCPU", "Value": .string(String(container.vcpus))],
        ["Type": "MEMORY", "Value": .string(String(container.memory.mebibytes))],
      ] as Value
    containerProperties.set("JobRoleArn", container.jobRole)
    containerProperties.set("ExecutionRoleArn", container.executionRole)
    containerProperties.set(
      "Environment",
      Value.list(
        container.environment.map { ["Name": .string($0.name), "Value": $0.value] as Value }))
    containerProperties["Privileged"] = false
    containerProperties["ReadonlyRootFilesystem"] = container.readonlyRootFilesystem
    if let logGroup = container.logGroup {
      var options = OrderedMap<Value>()
      options["awslogs-group"] = logGroup.logGroupName.value
      options["awslogs-region"] = AWS.region
      if let prefix = container.logStreamPrefix {
        options["awslogs-stream-prefix"] = .string(prefix)
      }
      containerProperties["LogConfiguration"] =
        ["LogDriver": "awslogs", "Options": .map(options)] as Value
    }

    var properties = Properties()
    properties["Type"] = "container"
    properties["JobDefinitionName"] = context.physicalName(name)
    properties["PlatformCapabilities"] = ["EC2"]
    if !parameters.isEmpty {
      var defaults = OrderedMap<Value>()
      for parameter in parameters { defaults[parameter.name] = .string(parameter.defaultValue) }
      properties["Parameters"] = Value.map(defaults)
    }
    properties["ContainerProperties"] = containerProperties
    properties.set("RetryStrategy", retry?.lower(in: logicalID, at: origin, into: &context))
    properties.set(
      "Timeout", timeout.map { ["AttemptDurationSeconds": .number($0.seconds)] as Value })
    properties["PropagateTags"] = true
    properties.set("Tags", (context.tags + tags).map)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::Batch::JobDefinition", properties: properties.map),
        origin: origin)
    ]
  }
}
