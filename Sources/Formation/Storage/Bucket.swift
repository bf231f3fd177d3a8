import Template

/// An S3 bucket that is private, encrypted and TLS-only unless a blueprint says otherwise, plus
/// its bucket policy (`<id>Policy`).
///
/// Defaults, each a decision a reviewer would otherwise have to check: all four public access
/// blocks on; ownership `BucketOwnerEnforced` (ACLs off); a policy denying requests without TLS
/// and with TLS older than 1.2; `DeletionPolicy` and `UpdateReplacePolicy` `Retain`.
public struct Bucket: ResourceDeclaration {
  /// How objects are encrypted at rest.
  public enum Encryption: Sendable {
    /// SSE-KMS with a customer-managed key, with an S3 bucket key (fewer KMS calls, lower cost).
    case kms(ARN<KMSKey>)
    /// SSE-S3 (AES256): no key policy to control who decrypts; use only for public data.
    case s3Managed
  }

  /// Object Lock: objects can't be deleted or overwritten for the retention period.
  public struct ObjectLock: Sendable {
    public enum Mode: String, Sendable {
      /// Nobody, not even the root user, can delete a locked version before its retention ends.
      case compliance = "COMPLIANCE"
      /// Users with `s3:BypassGovernanceRetention` can delete early.
      case governance = "GOVERNANCE"
    }
    public var mode: Mode
    public var retention: Duration

    public static func compliance(_ retention: Duration) -> ObjectLock {
      ObjectLock(mode: .compliance, retention: retention)
    }
    public static func governance(_ retention: Duration) -> ObjectLock {
      ObjectLock(mode: .governance, retention: retention)
    }
  }

  /// Server access logs to another bucket.
  public struct AccessLogging: Sendable {
    public var destination: Name<Bucket>
    public var prefix: String
    public init(to destination: Name<Bucket>, prefix: String) {
      self.destination = destination
      self.prefix = prefix
    }
  }

  public var logicalID: String
  public var name: BucketName?
  public var encryption: Encryption
  public var versioning: Bool
  public var objectLock: ObjectLock?
  public var lifecycle: [LifecycleRule]
  /// Send all object events to EventBridge (the default bus), where rules pick what they need.
  public var eventBridge: Bool
  public var logging: AccessLogging?
  /// Statements added to the bucket policy after the TLS rules.
  public var policy: [Grant]
  public var retention: RetentionPolicy
  public var tags: [Tag]
  /// Findings of `formation lint` (and checkov) accepted for this bucket, with their reasons.
  public var suppressions: [Suppression]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: BucketName? = nil, encryption: Encryption, versioning: Bool = true,
    objectLock: ObjectLock? = nil, lifecycle: [LifecycleRule] = [], eventBridge: Bool = false,
    logging: AccessLogging? = nil, policy: [Grant] = [], retention: RetentionPolicy = .retain,
    tags: [Tag] = [],
    suppressions: [Suppression] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.encryption = encryption
    self.versioning = versioning
    self.objectLock = objectLock
    self.lifecycle = lifecycle
    self.eventBridge = eventBridge
    self.logging = logging
    self.policy = policy
    self.retention = retention
    self.tags = tags
    self.suppressions = suppressions
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<Bucket> { ARN(attribute("Arn")) }
  public var bucketName: Name<Bucket> { Name(ref) }
  /// `arn:...:s3:::bucket/*`: every object, for statements about objects.
  public var objects: Value { .sub("${\(logicalID).Arn}/*") }
  /// Objects under `prefix` (no leading slash): `arn:...:s3:::bucket/prefix*`.
  public func objects(under prefix: String) -> Value { .sub("${\(logicalID).Arn}/\(prefix)*") }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    var properties = Properties()
    if let name {
      name.validate(into: &context, at: origin)
      properties["BucketName"] = name.value
    }
    let rule: Value
    switch encryption {
    case .kms(let key):
      rule = [
        "ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key.value],
        "BucketKeyEnabled": true,
      ]
    case .s3Managed:
      rule = ["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]
    }
    properties["BucketEncryption"] = ["ServerSideEncryptionConfiguration": [rule]] as Value
    properties["PublicAccessBlockConfiguration"] =
      [
        "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true,
        "RestrictPublicBuckets": true,
      ] as Value
    properties["OwnershipControls"] =
      ["Rules": [["ObjectOwnership": "BucketOwnerEnforced"]]] as Value
    if versioning || objectLock != nil {
      properties["VersioningConfiguration"] = ["Status": "Enabled"] as Value
    }
    if let objectLock {
      context.require(
        objectLock.retention.isWholeDays && objectLock.retention.days >= 1, .invalidValue,
        "bucket '\(logicalID)': Object Lock retention must be at least one whole day", at: origin)
      properties["ObjectLockEnabled"] = true
      properties["ObjectLockConfiguration"] =
        [
          "ObjectLockEnabled": "Enabled",
          "Rule": [
            "DefaultRetention": [
              "Mode": .string(objectLock.mode.rawValue), "Days": .number(objectLock.retention.days),
            ]
          ],
        ] as Value
    }
    properties.set(
      "LifecycleConfiguration",
      lifecycle.isEmpty
        ? nil : ["Rules": .list(lifecycle.map { $0.lower(into: &context) })] as Value)
    if let logging {
      properties["LoggingConfiguration"] =
        [
          "DestinationBucketName": logging.destination.value,
          "LogFilePrefix": .string(logging.prefix),
        ] as Value
    }
    if eventBridge {
      properties["NotificationConfiguration"] =
        ["EventBridgeConfiguration": ["EventBridgeEnabled": true]] as Value
    }
    properties.set("Tags", (context.tags + tags).keyValueList)
    var bucket = Resource(type: "AWS::S3::Bucket", properties: properties.map)
    bucket.retain(retention)
    bucket.metadata = suppressions.metadata

    let statements =
      [
        Grant(
          .deny, sid: "DenyInsecureTransport", [.anyone], ["s3:*"], on: [arn, objects],
          when: [.bool("aws:SecureTransport", false)]),
        Grant(
          .deny, sid: "DenyOutdatedTLS", [.anyone], ["s3:*"], on: [arn, objects],
          when: [.numericLessThan("s3:TlsVersion", "1.2")]),
      ] + policy
    let bucketPolicy = Resource(
      type: "AWS::S3::BucketPolicy",
      properties: ["Bucket": ref, "PolicyDocument": statements.document(into: &context)])
    return [
      LoweredResource(logicalID, bucket, origin: origin),
      LoweredResource(logicalID + "Policy", bucketPolicy, origin: origin),
    ]
  }
}

/// A bucket name: a literal stem, optionally followed by `-<suffix>` from a parameter, because S3
/// names are global and each environment or account needs its own.
public struct BucketName: Sendable, ValueConvertible {
  public var stem: String
  public var suffix: StackParameter?
  /// A parameter written before the stem (`<prefix>-<stem>-...`), so an operator can choose
  /// other names when these are taken.
  public var prefix: StackParameter?
  /// The account id is the last word, so the name is the deploying account's alone.
  public var endsWithAccount = false

  /// `${Prefix}-raw-${Environment}-${AWS::AccountId}`: a name another account can only take by
  /// guessing this account's id, that two environments of one account never share, and that an
  /// operator can still change with `prefix` if it is taken anyway.
  public static func unique(_ stem: String, prefix: StackParameter, environment: StackParameter)
    -> BucketName
  {
    BucketName(stem: stem, suffix: environment, prefix: prefix, endsWithAccount: true)
  }

  /// `genexomics-raw`.
  public static func exactly(_ name: String) -> BucketName { BucketName(stem: name, suffix: nil) }
  /// `genexomics-raw-${Suffix}`.
  public static func named(_ stem: String, suffix: StackParameter) -> BucketName {
    BucketName(stem: stem, suffix: suffix)
  }

  public var value: Value {
    guard suffix != nil || prefix != nil else { return .string(stem) }
    var name = stem
    if let prefix { name = "${\(prefix.name)}-" + name }
    if let suffix { name += "-${\(suffix.name)}" }
    if endsWithAccount { name += "-${AWS::AccountId}" }
    return .sub(name)
  }

  /// Checks the literal part against S3's naming rules; a suffix from a parameter is checked by
  /// the parameter's `AllowedPattern` at deploy time.
  func validate(into context: inout LoweringContext, at origin: SourceLocation) {
    let full = suffix == nil ? stem : stem + "-x"
    var problems: [String] = []
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
    if full.count < 3 || full.count > 63 || (suffix != nil && stem.count > 61) {
      problems.append("must be 3 to 63 characters")
    }
    if !stem.allSatisfy({ allowed.contains($0) }) {
      problems.append("may contain only lowercase letters, digits, dots and hyphens")
    }
    if let first = stem.first, !(first.isLowercase || first.isNumber) {
      problems.append("must start with a letter or digit")
    }
    if suffix == nil, let last = stem.last, !(last.isLowercase || last.isNumber) {
      problems.append("must end with a letter or digit")
    }
    if stem.contains("..") { problems.append("must not contain two adjacent dots") }
    if stem.hasPrefix("xn--") || stem.hasPrefix("sthree-") {
      problems.append("must not start with xn-- or sthree-")
    }
    if stem.hasSuffix("-s3alias") || stem.hasSuffix("--ol-s3") {
      problems.append("must not end with -s3alias or --ol-s3")
    }
    let octets = stem.split(separator: ".")
    if octets.count == 4, octets.allSatisfy({ Int($0) != nil }) {
      problems.append("must not look like an IP address")
    }
    if !problems.isEmpty {
      context.fail(
        .invalidBucketName,
        "'\(stem)' is not a valid S3 bucket name: it " + problems.joined(separator: ", "),
        at: origin)
    }
  }
}
