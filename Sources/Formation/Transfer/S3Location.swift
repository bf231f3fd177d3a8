import Template

/// A DataSync location in an S3 bucket, reached through a role DataSync assumes.
///
/// The role is the only identity that writes what DataSync transfers, so it can be the one
/// principal a bucket policy lets write (`Storage.rawBucket` does this). It must trust
/// `datasync.amazonaws.com` and allow the bucket and object actions DataSync needs; DataSync
/// checks them when the location is created.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-datasync-locations3.html>
public struct S3Location: ResourceDeclaration {
  /// The storage class DataSync writes objects in; DataSync's own vocabulary, not S3's.
  public struct StorageClass: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let standard = StorageClass(rawValue: "STANDARD")
    public static let standardIA = StorageClass(rawValue: "STANDARD_IA")
    public static let intelligentTiering = StorageClass(rawValue: "INTELLIGENT_TIERING")
    public static let glacierInstantRetrieval = StorageClass(rawValue: "GLACIER_INSTANT_RETRIEVAL")
  }

  public var logicalID: String
  public var bucket: ARN<Bucket>
  /// The folder in the bucket, `/` for the whole bucket.
  public var subdirectory: String
  public var role: ARN<Role>
  public var storageClass: StorageClass
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, bucket: ARN<Bucket>, subdirectory: String = "/", role: ARN<Role>,
    storageClass: StorageClass = .standard, tags: [Tag] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.bucket = bucket
    self.subdirectory = subdirectory
    self.role = role
    self.storageClass = storageClass
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref` of a location is its ARN.
  public var arn: ARN<DataSyncLocation> { ARN(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      subdirectory.hasPrefix("/") && subdirectory.count <= 1024, .invalidValue,
      "S3 location '\(logicalID)': the subdirectory must start with / and be at most 1024 characters, not '\(subdirectory)'",
      at: origin)
    var properties = Properties()
    properties["S3BucketArn"] = bucket
    properties["S3Config"] = ["BucketAccessRoleArn": role.value] as Value
    properties["S3StorageClass"] = storageClass.rawValue
    properties["Subdirectory"] = subdirectory
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::DataSync::LocationS3", properties: properties.map),
        origin: origin)
    ]
  }
}
