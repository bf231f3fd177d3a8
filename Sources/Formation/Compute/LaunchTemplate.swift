import Template

/// An EC2 launch template for AWS Batch instances: encrypted volumes with a customer-managed
/// key, and instance metadata only through IMDSv2.
///
/// What is fixed rather than optional, and why:
/// - Every volume is `Encrypted` with the given key (`ARN<KMSKey>`, required) and deleted
///   with its instance: scratch genomics data must not outlive the job on an orphaned volume.
/// - `HttpTokens: required` (IMDSv2 only) and a hop limit of 1 by default: the ECS agent on
///   the host reaches the metadata service, containers in Docker's bridge network (one hop
///   further) do not, so a job can only use its own job role, never the instance role.
/// - No network interfaces and no public IP setting: AWS Batch places instances in the
///   compute environment's subnets, which in these blueprints map no public IP.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-launchtemplate.html>
public struct LaunchTemplate: ResourceDeclaration {
  /// An EBS volume type. An open set, like the service's.
  public struct VolumeType: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// General purpose SSD with baseline 3,000 IOPS at any size; cheaper than gp2.
    public static let gp3 = VolumeType(rawValue: "gp3")
    public static let gp2 = VolumeType(rawValue: "gp2")
    public static let io2 = VolumeType(rawValue: "io2")
  }

  /// One encrypted EBS volume.
  public struct Volume: Sendable {
    /// `/dev/xvda` is the root (and Docker storage) volume of the ECS-optimized Amazon Linux AMIs.
    public var deviceName: String
    /// Size in GiB.
    public var sizeGiB: Int
    public var type: VolumeType
    public var key: ARN<KMSKey>

    public init(
      deviceName: String = "/dev/xvda", sizeGiB: Int, type: VolumeType = .gp3, key: ARN<KMSKey>
    ) {
      self.deviceName = deviceName
      self.sizeGiB = sizeGiB
      self.type = type
      self.key = key
    }
  }

  public var logicalID: String
  /// The duty name; the template is named `<application>-<environment>-<name>`.
  public var name: String
  public var volumes: [Volume]
  /// IMDSv2 response hop limit: 1 keeps containers away from the instance's credentials.
  public var metadataHopLimit: Int
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, volumes: [Volume], metadataHopLimit: Int = 1,
    tags: [Tag] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.volumes = volumes
    self.metadataHopLimit = metadataHopLimit
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref`: the launch template id.
  public var id: ID<LaunchTemplate> { ID(ref) }
  /// `Fn::GetAtt LatestVersionNumber`: naming the version (not `$Latest`) makes a template
  /// change update the compute environments that use it.
  public var latestVersion: Value { attribute("LatestVersionNumber") }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !volumes.isEmpty, .invalidValue,
      "launch template '\(logicalID)' has no volume; declare the root volume so it is encrypted with the key",
      at: origin)
    context.require(
      (1...64).contains(metadataHopLimit), .invalidValue,
      "launch template '\(logicalID)': the metadata hop limit must be 1 to 64, not \(metadataHopLimit)",
      at: origin)
    var devices = Set<String>()
    for volume in volumes {
      context.require(
        devices.insert(volume.deviceName).inserted, .invalidValue,
        "launch template '\(logicalID)': device \(volume.deviceName) is declared twice", at: origin)
      context.require(
        (1...16_384).contains(volume.sizeGiB), .invalidValue,
        "launch template '\(logicalID)': volume \(volume.deviceName) must be 1 to 16384 GiB, not \(volume.sizeGiB)",
        at: origin)
    }
    let mappings: [Value] = volumes.map { volume in
      [
        "DeviceName": .string(volume.deviceName),
        "Ebs": [
          "VolumeSize": .number(volume.sizeGiB), "VolumeType": .string(volume.type.rawValue),
          "Encrypted": true, "KmsKeyId": volume.key.value, "DeleteOnTermination": true,
        ],
      ]
    }
    var data = Properties()
    data["BlockDeviceMappings"] = Value.list(mappings)
    data["MetadataOptions"] =
      [
        "HttpEndpoint": "enabled", "HttpTokens": "required",
        "HttpPutResponseHopLimit": .number(metadataHopLimit),
      ] as Value
    let allTags = context.tags + tags
    if !allTags.isEmpty {
      // The instances and their volumes carry the tags too, so cost allocation sees the
      // pipeline's EC2 and EBS spending, not only the template.
      data["TagSpecifications"] = Value.list(
        ["instance", "volume"].map { ["ResourceType": .string($0), "Tags": allTags.keyValueList] })
    }
    var properties = Properties()
    properties["LaunchTemplateName"] = context.physicalName(name)
    properties["LaunchTemplateData"] = data
    if !allTags.isEmpty {
      properties["TagSpecifications"] =
        [
          ["ResourceType": "launch-template", "Tags": allTags.keyValueList]
        ] as Value
    }
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::EC2::LaunchTemplate", properties: properties.map),
        origin: origin)
    ]
  }
}
