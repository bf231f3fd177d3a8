import Template

/// Protective settings whose loss a reviewer must see: encryption at rest and in transit,
/// public-access blocks, key rotation, public IPs and endpoints.
///
/// Each setting reads a resource and says whether it is protected; a modified resource that
/// goes from protected to not is a weakening (`broadening`), the reverse a strengthening.
/// Settings the template leaves to a function are not judged.
enum Protections {
  struct Setting: Sendable {
    enum Test: Sendable {
      /// Protected when the value is `true`.
      case isTrue
      /// Protected when the property is present (a key, a configuration block).
      case present
      /// Protected when the value is not `true` (`PubliclyAccessible`, `MapPublicIpOnLaunch`).
      case notTrue
      /// Protected when the value is none of these strings (`AuthType: NONE`, `PublicRead`).
      case noneOf([String])
    }

    var type: String
    var path: [String]
    var test: Test
    /// What the protection is, for the message: "default encryption", "public access block".
    var label: String
  }

  static let settings: [Setting] = [
    Setting(
      type: "AWS::S3::Bucket", path: ["BucketEncryption"], test: .present,
      label: "default encryption"),
    Setting(
      type: "AWS::S3::Bucket", path: ["PublicAccessBlockConfiguration", "BlockPublicAcls"],
      test: .isTrue,
      label: "public access block (BlockPublicAcls)"),
    Setting(
      type: "AWS::S3::Bucket", path: ["PublicAccessBlockConfiguration", "BlockPublicPolicy"],
      test: .isTrue,
      label: "public access block (BlockPublicPolicy)"),
    Setting(
      type: "AWS::S3::Bucket", path: ["PublicAccessBlockConfiguration", "IgnorePublicAcls"],
      test: .isTrue,
      label: "public access block (IgnorePublicAcls)"),
    Setting(
      type: "AWS::S3::Bucket", path: ["PublicAccessBlockConfiguration", "RestrictPublicBuckets"],
      test: .isTrue,
      label: "public access block (RestrictPublicBuckets)"),
    Setting(
      type: "AWS::S3::Bucket", path: ["AccessControl"],
      test: .noneOf(["PublicRead", "PublicReadWrite", "AuthenticatedRead"]), label: "private ACL"),
    Setting(
      type: "AWS::DynamoDB::Table", path: ["SSESpecification", "SSEEnabled"], test: .isTrue,
      label: "encryption with a KMS key"),
    Setting(
      type: "AWS::DynamoDB::Table",
      path: ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"],
      test: .isTrue, label: "point-in-time recovery"),
    Setting(
      type: "AWS::RDS::DBInstance", path: ["StorageEncrypted"], test: .isTrue,
      label: "storage encryption"),
    Setting(
      type: "AWS::RDS::DBCluster", path: ["StorageEncrypted"], test: .isTrue,
      label: "storage encryption"),
    Setting(
      type: "AWS::RDS::DBInstance", path: ["PubliclyAccessible"], test: .notTrue,
      label: "private endpoint"),
    Setting(type: "AWS::EFS::FileSystem", path: ["Encrypted"], test: .isTrue, label: "encryption"),
    Setting(type: "AWS::EC2::Volume", path: ["Encrypted"], test: .isTrue, label: "encryption"),
    Setting(
      type: "AWS::SNS::Topic", path: ["KmsMasterKeyId"], test: .present,
      label: "encryption with a KMS key"),
    Setting(
      type: "AWS::SQS::Queue", path: ["KmsMasterKeyId"], test: .present,
      label: "encryption with a KMS key"),
    Setting(
      type: "AWS::Logs::LogGroup", path: ["KmsKeyId"], test: .present,
      label: "encryption with a KMS key"),
    Setting(
      type: "AWS::KMS::Key", path: ["EnableKeyRotation"], test: .isTrue, label: "key rotation"),
    Setting(
      type: "AWS::ECR::Repository", path: ["EncryptionConfiguration"], test: .present,
      label: "encryption configuration"),
    Setting(
      type: "AWS::ECR::Repository", path: ["ImageTagMutability"], test: .noneOf(["MUTABLE"]),
      label: "immutable image tags"),
    Setting(
      type: "AWS::Kinesis::Stream", path: ["StreamEncryption"], test: .present, label: "encryption"),
    Setting(
      type: "AWS::EC2::Subnet", path: ["MapPublicIpOnLaunch"], test: .notTrue,
      label: "no public IPs on launch"),
    Setting(
      type: "AWS::Lambda::Url", path: ["AuthType"], test: .noneOf(["NONE"]),
      label: "IAM authentication"),
    Setting(
      type: "AWS::ElastiCache::ReplicationGroup", path: ["AtRestEncryptionEnabled"], test: .isTrue,
      label: "encryption at rest"),
    Setting(
      type: "AWS::ElastiCache::ReplicationGroup", path: ["TransitEncryptionEnabled"], test: .isTrue,
      label: "encryption in transit"),
    Setting(
      type: "AWS::OpenSearchService::Domain", path: ["EncryptionAtRestOptions", "Enabled"],
      test: .isTrue,
      label: "encryption at rest"),
    Setting(
      type: "AWS::OpenSearchService::Domain", path: ["NodeToNodeEncryptionOptions", "Enabled"],
      test: .isTrue,
      label: "node-to-node encryption"),
    Setting(
      type: "AWS::OpenSearchService::Domain", path: ["DomainEndpointOptions", "EnforceHTTPS"],
      test: .isTrue,
      label: "HTTPS enforcement"),
    Setting(
      type: "AWS::CloudTrail::Trail", path: ["EnableLogFileValidation"], test: .isTrue,
      label: "log file validation"),
  ]

  static func compare(logicalID: String, old: Resource, new: Resource) -> [ProtectionChange] {
    guard let type = new.type, old.type == type else { return [] }
    var changes: [ProtectionChange] = []
    for setting in settings where setting.type == type {
      guard let before = isProtected(old, setting), let after = isProtected(new, setting),
        before != after
      else {
        continue
      }
      let path = PropertyPath(([.key("Properties")] + setting.path.map { .key($0) }))
      changes.append(
        ProtectionChange(
          logicalID: logicalID, resourceType: type, setting: path,
          impact: after ? .narrowing : .broadening,
          message: "\(setting.label) turned \(after ? "on" : "off")"))
    }
    return changes
  }

  /// `nil` when the value is a function the template cannot resolve.
  private static func isProtected(_ resource: Resource, _ setting: Setting) -> Bool? {
    var value: Value? = .map(resource.properties)
    for key in setting.path {
      guard let current = value else { break }
      if case .intrinsic(let function) = current.kind, !Fingerprint.isNoValue(current) {
        _ = function
        return nil
      }
      value = current[key]
    }
    if let current = value, Fingerprint.isNoValue(current) { value = nil }
    if let current = value, case .intrinsic = current.kind { return nil }
    switch setting.test {
    case .present: return value != nil
    case .isTrue: return value?.boolValue == true
    case .notTrue: return value?.boolValue != true
    case .noneOf(let bad): return !bad.contains(value.flatMap(Fingerprint.scalarText) ?? "")
    }
  }
}
