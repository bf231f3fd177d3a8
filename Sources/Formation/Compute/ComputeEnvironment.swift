import Template

/// A managed AWS Batch compute environment on EC2: On-Demand or Spot instances that Batch
/// starts when jobs wait and stops when none do.
///
/// Typed so that wrong combinations do not compile: a Spot allocation strategy goes only with
/// Spot capacity, and the strategies offered are the ones that need no Spot Fleet role
/// (`BEST_FIT` would need one and a bid; it is left out on purpose).
///
/// Defaults, and why:
/// - `minvCpus` 0: nothing runs, nothing is paid, between sequencing runs.
/// - No `ServiceRole`: Batch then uses its service-linked role `AWSServiceRoleForBatch`,
///   which AWS maintains and which cannot be edited into something broader; a custom service
///   role would need `iam:PassRole` to a role with the broad `AWSBatchServiceRole` policy.
/// - `ReplaceComputeEnvironment: false`: the environment has a fixed name, which
///   CloudFormation cannot replace, so changes are applied in place as Batch infrastructure
///   updates (supported for the progressive and capacity-optimized strategies), and running
///   jobs are not terminated (`TerminateJobsOnUpdate: false`).
/// - Image type `ECS_AL2023`: the current ECS-optimized Amazon Linux.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-batch-computeenvironment.html>
public struct ComputeEnvironment: ResourceDeclaration {
  /// How instances are bought, with the allocation strategies that fit each.
  public enum Capacity: Sendable {
    case onDemand(OnDemandAllocation = .bestFitProgressive)
    case spot(SpotAllocation = .capacityOptimized)
  }

  public enum OnDemandAllocation: String, Sendable {
    /// The cheapest instance type that fits first, then larger ones.
    case bestFitProgressive = "BEST_FIT_PROGRESSIVE"
  }

  public enum SpotAllocation: String, Sendable {
    /// Spot pools least likely to be interrupted: the right choice for long genomics tasks.
    case capacityOptimized = "SPOT_CAPACITY_OPTIMIZED"
    /// Low interruption and low price together.
    case priceCapacityOptimized = "SPOT_PRICE_CAPACITY_OPTIMIZED"
    case bestFitProgressive = "BEST_FIT_PROGRESSIVE"
  }

  /// An instance type (`m5.large`) or family (`c5`); `optimal` lets Batch pick.
  public struct InstanceType: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static let optimal = InstanceType(rawValue: "optimal")
  }

  /// The ECS-optimized AMI family Batch launches.
  public struct ImageType: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ecsAL2023 = ImageType(rawValue: "ECS_AL2023")
    public static let ecsAL2 = ImageType(rawValue: "ECS_AL2")
  }

  public var logicalID: String
  /// The duty name; the environment is named `<application>-<environment>-<name>`.
  public var name: String
  public var capacity: Capacity
  public var instanceTypes: [InstanceType]
  public var minvCpus: Int
  /// An `Int` or a `Number` parameter.
  public var maxvCpus: Value
  public var subnets: [PhysicalID<Subnet>]
  public var securityGroups: [PhysicalID<SecurityGroup>]
  public var instanceProfile: ARN<InstanceProfileKind>
  public var launchTemplate: LaunchTemplate?
  /// A custom service role; `nil` (the default) uses the service-linked role.
  public var serviceRole: ARN<Role>?
  public var imageType: ImageType
  public var enabled: Bool
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, capacity: Capacity, instanceTypes: [InstanceType],
    minvCpus: Int = 0, maxvCpus: any ValueConvertible, subnets: [PhysicalID<Subnet>],
    securityGroups: [PhysicalID<SecurityGroup>], instanceProfile: ARN<InstanceProfileKind>,
    launchTemplate: LaunchTemplate? = nil, serviceRole: ARN<Role>? = nil,
    imageType: ImageType = .ecsAL2023, enabled: Bool = true, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.capacity = capacity
    self.instanceTypes = instanceTypes
    self.minvCpus = minvCpus
    self.maxvCpus = maxvCpus.value
    self.subnets = subnets
    self.securityGroups = securityGroups
    self.instanceProfile = instanceProfile
    self.launchTemplate = launchTemplate
    self.serviceRole = serviceRole
    self.imageType = imageType
    self.enabled = enabled
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the compute environment's ARN.
  public var arn: ARN<ComputeEnvironment> { ARN(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      minvCpus >= 0, .invalidValue,
      "compute environment '\(logicalID)': minvCpus must be 0 or more, not \(minvCpus)", at: origin)
    if let max = maxvCpus.numberValue?.intValue {
      context.require(
        max >= 1 && max >= minvCpus, .invalidValue,
        "compute environment '\(logicalID)': maxvCpus \(max) must be at least 1 and at least minvCpus \(minvCpus)",
        at: origin)
    }
    context.require(
      !instanceTypes.isEmpty, .invalidValue,
      "compute environment '\(logicalID)' lists no instance types; name families (c5) or types (m5.large)",
      at: origin)
    context.require(
      !subnets.isEmpty, .invalidValue,
      "compute environment '\(logicalID)' has no subnets", at: origin)
    context.require(
      !securityGroups.isEmpty, .invalidValue,
      "compute environment '\(logicalID)' has no security group; instances would get the VPC's default group",
      at: origin)

    var resources = Properties()
    switch capacity {
    case .onDemand(let strategy):
      resources["Type"] = "EC2"
      resources["AllocationStrategy"] = strategy.rawValue
    case .spot(let strategy):
      resources["Type"] = "SPOT"
      resources["AllocationStrategy"] = strategy.rawValue
    }
    resources["MinvCpus"] = minvCpus
    resources["MaxvCpus"] = maxvCpus
    resources["InstanceTypes"] = instanceTypes.map(\.rawValue)
    resources["Subnets"] = Value.list(subnets.map(\.value))
    resources["SecurityGroupIds"] = Value.list(securityGroups.map(\.value))
    resources["InstanceRole"] = instanceProfile
    if let launchTemplate {
      resources["LaunchTemplate"] =
        ["LaunchTemplateId": launchTemplate.id.value, "Version": launchTemplate.latestVersion]
        as Value
    }
    resources["Ec2Configuration"] = [["ImageType": .string(imageType.rawValue)]] as Value
    resources.set("Tags", (context.tags + tags).map)

    var properties = Properties()
    properties["Type"] = "MANAGED"
    properties["ComputeEnvironmentName"] = context.physicalName(name)
    properties["State"] = enabled ? "ENABLED" : "DISABLED"
    properties.set("ServiceRole", serviceRole)
    properties["ComputeResources"] = resources
    properties["ReplaceComputeEnvironment"] = false
    properties["UpdatePolicy"] =
      ["TerminateJobsOnUpdate": false, "JobExecutionTimeoutMinutes": 30] as Value
    properties.set("Tags", (context.tags + tags).map)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::Batch::ComputeEnvironment", properties: properties.map),
        origin: origin)
    ]
  }
}
