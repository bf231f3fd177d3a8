import Template

/// An AWS Batch job queue: where jobs wait, and the compute environments, in order, that run them.
///
/// Priority matters between queues that share a compute environment (the higher number is
/// scheduled first); it is checked against Batch's range, 0 to 1000.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-batch-jobqueue.html>
public struct JobQueue: ResourceDeclaration {
  public var logicalID: String
  /// The duty name; the queue is named `<application>-<environment>-<name>`.
  public var name: String
  public var priority: Int
  /// Tried in this order: the first with room takes the job.
  public var computeEnvironments: [ComputeEnvironment]
  public var enabled: Bool
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, priority: Int, computeEnvironments: [ComputeEnvironment],
    enabled: Bool = true, tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.priority = priority
    self.computeEnvironments = computeEnvironments
    self.enabled = enabled
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the queue's ARN.
  public var arn: ARN<JobQueue> { ARN(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      (0...1000).contains(priority), .invalidValue,
      "job queue '\(logicalID)': priority must be 0 to 1000, not \(priority)", at: origin)
    context.require(
      (1...3).contains(computeEnvironments.count), .invalidValue,
      "job queue '\(logicalID)' needs 1 to 3 compute environments, not \(computeEnvironments.count)",
      at: origin)
    var properties = Properties()
    properties["JobQueueName"] = context.physicalName(name)
    properties["Priority"] = priority
    properties["State"] = enabled ? "ENABLED" : "DISABLED"
    properties["ComputeEnvironmentOrder"] = Value.list(
      computeEnvironments.enumerated().map { offset, environment in
        ["Order": .number(offset + 1), "ComputeEnvironment": environment.arn.value]
      })
    properties.set("Tags", (context.tags + tags).map)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::Batch::JobQueue", properties: properties.map),
        origin: origin)
    ]
  }
}
