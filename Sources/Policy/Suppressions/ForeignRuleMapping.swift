/// What a cfn_nag, checkov or cfn-guard suppression reaches in Formation: the equivalent rule,
/// and, when the other tool's check asks a narrower question than the rule, the part of it.
///
/// A suppression reaches exactly as far as the other tool's check: checkov's CKV_AWS_53
/// reads `BlockPublicAcls` alone, so skipping it leaves PUB001's `BlockPublicPolicy: false`
/// reported; CKV_AWS_20 forbids the public-read ACLs, so it does not accept
/// `AuthenticatedRead`. A check that asks for any encryption (checkov CKV_AWS_19, cfn_nag
/// W41, cfn-guard S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED) reaches none of ENC001's
/// customer-key findings and is not listed; an id missing here is ignored (the suppression
/// stays for the other tool). The checkov ids were read from checkov's own checks
/// (checkov/cloudformation/checks/resource/aws); docs/peer-comparison.md lists them.
public enum ForeignRuleMapping {
  /// cfn_nag rule id → what it reaches.
  public static let cfnNagReach: [String: ForeignReach] = [
    "F27": ForeignReach("RDS001"),  // RDS instance storage should be encrypted
    "F26": ForeignReach("RDS001"),  // RDS cluster storage should be encrypted
    "F22": ForeignReach("RDS003"),  // RDS instance should not be publicly accessible
    "W75": ForeignReach("RDS004"),  // RDS instance backup retention should be at least 7 days
    "F80": ForeignReach("RDS005"),  // RDS instance should have deletion protection
    "F32": ForeignReach("EFS001"),  // EFS file system should be encrypted
    "W49": ForeignReach("STR001"),  // Kinesis stream should specify StreamEncryption
    "W88": ForeignReach("STR002"),  // Firehose delivery stream should be encrypted
    "W54": ForeignReach("SRCH001"),  // Elasticsearch domain encryption at rest
    "W85": ForeignReach("SRCH002"),  // Elasticsearch domain node-to-node encryption
    "W90": ForeignReach("SRCH005"),  // Elasticsearch domain inside a VPC
    "F25": ForeignReach("ECA001"),  // ElastiCache replication group at-rest encryption
    "F33": ForeignReach("ECA002"),  // ElastiCache replication group transit encryption
    "F28": ForeignReach("RSH001"),  // Redshift cluster should be encrypted
    "F30": ForeignReach("GDB001"),  // Neptune cluster storage should be encrypted
    "W82": ForeignReach("EKS001"),  // EKS cluster should encrypt secrets with a KMS key
    "W83": ForeignReach("DDB003"),  // DAX cluster should be encrypted
    "F19": ForeignReach("ENC002"),  // EnableKeyRotation should not be false or absent
    "W74": ForeignReach("ENC003"),  // DynamoDB table should use a CMK
    "W47": ForeignReach("ENC004", .keyAbsent),  // SNS topic should specify KmsMasterKeyId
    "W48": ForeignReach("ENC005", .keyAbsent),  // SQS queue should specify KmsMasterKeyId
    "W84": ForeignReach("ENC006"),  // log group should specify a KMS key
    "F1": ForeignReach("ENC010"),  // EBS volume should be encrypted
    "W77": ForeignReach("ENC011"),  // secret should specify KmsKeyId
    "W31": ForeignReach("PUB002", .acl(["publicread"])),  // public read ACL
    "F14": ForeignReach("PUB002", .acl(["publicreadwrite"])),  // public read-write ACL
    "F13": ForeignReach("PUB004", .principal("everyone")),  // Lambda permission principal "*"
    "W33": ForeignReach("NET001"),  // subnet should not have MapPublicIpOnLaunch
    "W2": ForeignReach("NET002"),  // security group ingress open to the world
    "W5": ForeignReach("NET003", .egress("open")),  // egress rule open to the world
    "F1000": ForeignReach("NET003", .egress("missing")),  // no egress rule (allows all)
    "W89": ForeignReach("NET007"),  // Lambda function should be in a VPC
    "W60": ForeignReach("NET008"),  // VPC should have a flow log
    "W35": ForeignReach("LOG001"),  // bucket should have access logging
    "W78": ForeignReach("LOG003"),  // DynamoDB table should have backup (PITR)
    "W86": ForeignReach("LOG004"),  // log group should set RetentionInDays
  ]

  /// checkov check id → what it reaches.
  public static let checkovReach: [String: ForeignReach] = [
    "CKV_AWS_8": ForeignReach("ENC009"),  // launch configuration EBS volumes encrypted
    "CKV_AWS_16": ForeignReach("RDS001"),  // RDS instance encrypted at rest
    "CKV_AWS_96": ForeignReach("RDS001"),  // Aurora cluster encrypted at rest
    "CKV_AWS_17": ForeignReach("RDS003"),  // RDS instance not publicly accessible
    "CKV_AWS_161": ForeignReach("RDS006"),  // RDS instance IAM authentication
    "CKV_AWS_162": ForeignReach("RDS006"),  // RDS cluster IAM authentication
    "CKV_AWS_157": ForeignReach("RDS009"),  // RDS instance Multi-AZ
    "CKV_AWS_118": ForeignReach("RDS010"),  // RDS instance enhanced monitoring
    "CKV_AWS_42": ForeignReach("EFS001"),  // EFS encrypted
    "CKV_AWS_43": ForeignReach("STR001"),  // Kinesis stream encrypted
    "CKV_AWS_5": ForeignReach("SRCH001"),  // Elasticsearch encrypted at rest
    "CKV_AWS_6": ForeignReach("SRCH002"),  // Elasticsearch node-to-node encryption
    "CKV_AWS_83": ForeignReach("SRCH003"),  // Elasticsearch enforces HTTPS
    "CKV_AWS_84": ForeignReach("SRCH006"),  // Elasticsearch/OpenSearch logging
    "CKV_AWS_317": ForeignReach("SRCH007"),  // Elasticsearch/OpenSearch audit logging
    "CKV_AWS_29": ForeignReach("ECA001"),  // ElastiCache replication group at rest
    "CKV_AWS_30": ForeignReach("ECA002"),  // ElastiCache replication group in transit
    "CKV_AWS_31": ForeignReach("ECA003"),  // ElastiCache replication group in transit with auth token
    "CKV_AWS_64": ForeignReach("RSH001"),  // Redshift encrypted at rest
    "CKV_AWS_87": ForeignReach("RSH002"),  // Redshift not publicly accessible
    "CKV_AWS_71": ForeignReach("RSH003"),  // Redshift logging
    "CKV_AWS_154": ForeignReach("RSH004"),  // Redshift not outside a VPC
    "CKV_AWS_105": ForeignReach("RSH005"),  // Redshift parameter group require_ssl
    "CKV_AWS_44": ForeignReach("GDB001"),  // Neptune storage encrypted
    "CKV_AWS_74": ForeignReach("GDB001"),  // DocumentDB encrypted
    "CKV_AWS_101": ForeignReach("GDB002"),  // Neptune audit logs exported
    "CKV_AWS_85": ForeignReach("GDB002"),  // DocumentDB logs exported
    "CKV_AWS_361": ForeignReach("GDB003"),  // Neptune backup retention
    "CKV_AWS_360": ForeignReach("GDB003"),  // DocumentDB backup retention
    "CKV_AWS_90": ForeignReach("GDB004"),  // DocumentDB TLS not disabled
    "CKV_AWS_104": ForeignReach("GDB005"),  // DocumentDB audit logs in the parameter group
    "CKV_AWS_58": ForeignReach("EKS001"),  // EKS secrets encryption
    "CKV_AWS_100": ForeignReach("EKS003"),  // EKS node group SSH not open to 0.0.0.0/0
    "CKV_AWS_165": ForeignReach("DDB001"),  // DynamoDB global table point-in-time recovery
    "CKV_AWS_47": ForeignReach("DDB003"),  // DAX encrypted at rest
    "CKV_AWS_7": ForeignReach("ENC002"),  // KMS key rotation
    "CKV_AWS_119": ForeignReach("ENC003"),  // DynamoDB SSEEnabled with KMSMasterKeyId
    "CKV_AWS_26": ForeignReach("ENC004", .keyAbsent),  // SNS KmsMasterKeyId set (any key)
    "CKV_AWS_27": ForeignReach("ENC005", .keyAbsent),  // SQS KmsMasterKeyId set (any key)
    "CKV_AWS_158": ForeignReach("ENC006"),  // log group KmsKeyId
    // ECR EncryptionType KMS (the AWS managed key passes): not the KmsKey finding.
    "CKV_AWS_136": ForeignReach("ENC007", path: "Properties.EncryptionConfiguration.EncryptionType"),
    "CKV_AWS_173": ForeignReach("ENC008"),  // Lambda environment variables with KmsKeyArn
    "CKV_AWS_3": ForeignReach("ENC010"),  // EBS volume Encrypted
    "CKV_AWS_149": ForeignReach("ENC011"),  // secret KmsKeyId
    "CKV_AWS_53": ForeignReach("PUB001", path: blockSetting("BlockPublicAcls")),
    "CKV_AWS_54": ForeignReach("PUB001", path: blockSetting("BlockPublicPolicy")),
    "CKV_AWS_55": ForeignReach("PUB001", path: blockSetting("IgnorePublicAcls")),
    "CKV_AWS_56": ForeignReach("PUB001", path: blockSetting("RestrictPublicBuckets")),
    "CKV_AWS_20": ForeignReach("PUB002", .acl(["publicread", "publicreadwrite"])),
    "CKV_AWS_57": ForeignReach("PUB002", .acl(["publicreadwrite"])),
    // Service principals without SourceArn or SourceAccount; a "*" principal is not its case.
    "CKV_AWS_364": ForeignReach("PUB004", .principal("service")),
    "CKV_AWS_24": ForeignReach("NET002", .port(22)),
    "CKV_AWS_25": ForeignReach("NET002", .port(3389)),
    "CKV_AWS_260": ForeignReach("NET002", .port(80)),
    "CKV_AWS_88": ForeignReach("NET004"),  // launch template public IP
    "CKV_AWS_79": ForeignReach("NET005"),  // IMDSv1 disabled
    "CKV_AWS_117": ForeignReach("NET007"),  // Lambda in a VPC
    "CKV_AWS_18": ForeignReach("LOG001"),  // S3 access logging
    "CKV_AWS_21": ForeignReach("LOG002"),  // S3 versioning
    "CKV_AWS_28": ForeignReach("LOG003"),  // DynamoDB point-in-time recovery
    "CKV_AWS_66": ForeignReach("LOG004"),  // log group retention
    "CKV_AWS_163": ForeignReach("LOG005"),  // ECR scan on push
    "CKV_AWS_51": ForeignReach("LOG006"),  // ECR immutable tags
    "CKV_AWS_116": ForeignReach("LOG007"),  // Lambda dead-letter queue
  ]

  /// cfn-guard rule name (`Metadata.guard.SuppressedRules`, as AWS's sample templates use
  /// them, named after the AWS Config managed rules) → what it reaches.
  public static let guardReach: [String: ForeignReach] = [
    "S3_BUCKET_LOGGING_ENABLED": ForeignReach("LOG001"),
    "S3_BUCKET_VERSIONING_ENABLED": ForeignReach("LOG002"),
    "S3_BUCKET_SSL_REQUESTS_ONLY": ForeignReach("TRN001"),
    "S3_BUCKET_PUBLIC_READ_PROHIBITED": ForeignReach(
      "PUB002", .acl(["publicread", "publicreadwrite"])),
    "S3_BUCKET_PUBLIC_WRITE_PROHIBITED": ForeignReach("PUB002", .acl(["publicreadwrite"])),
    "LAMBDA_INSIDE_VPC": ForeignReach("NET007"),
    "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED": ForeignReach("PUB004", .principal("everyone")),
    "INCOMING_SSH_DISABLED": ForeignReach("NET002", .port(22)),
    "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED": ForeignReach("NET001"),
    "DYNAMODB_PITR_ENABLED": ForeignReach("LOG003"),
    "ENCRYPTED_VOLUMES": ForeignReach("ENC010"),
  ]

  /// cfn_nag rule id → Formation rule id.
  public static var cfnNag: [String: String] { cfnNagReach.mapValues(\.rule) }
  /// checkov check id → Formation rule id.
  public static var checkov: [String: String] { checkovReach.mapValues(\.rule) }
  /// cfn-guard rule name → Formation rule id.
  public static var cfnGuard: [String: String] { guardReach.mapValues(\.rule) }

  private static func blockSetting(_ name: String) -> String {
    "Properties.PublicAccessBlockConfiguration.\(name)"
  }

  /// What a foreign id reaches, looked up case-insensitively.
  public static func reach(for id: String, source: Suppression.Source) -> ForeignReach? {
    let key = id.uppercased()
    switch source {
    case .cfnNag: return cfnNagReach[key]
    case .checkov: return checkovReach[key]
    case .cfnGuard: return guardReach[key]
    case .formation, .baseline: return nil
    }
  }

  /// The Formation rule for a foreign id, looked up case-insensitively.
  public static func formationRule(for id: String, source: Suppression.Source) -> String? {
    reach(for: id, source: source)?.rule
  }
}

/// The findings of one Formation rule that another tool's check is about: all of them, or
/// those at one property (`path`) or with one aspect (the ACL, the port, the principal).
public struct ForeignReach: Sendable, Hashable {
  /// A part of a rule's findings, told apart by the finding's `scope`.
  public enum Aspect: Sendable, Hashable {
    /// PUB002 findings for these canned ACLs (lower case, no dashes).
    case acl(Set<String>)
    /// PUB004 findings for this kind of principal: `everyone` or `service`.
    case principal(String)
    /// NET002 findings whose port range includes this port (all traffic does).
    case port(Int)
    /// Findings that the key property is missing, not that it names an AWS managed key.
    case keyAbsent
    /// NET003 findings of this kind: `open` (a rule to 0.0.0.0/0) or `missing` (no egress
    /// rule, so the default allows all).
    case egress(String)

    func covers(_ finding: Finding) -> Bool {
      switch self {
      case .acl(let acls): return finding.scope["acl"].map(acls.contains) ?? false
      case .principal(let kind): return finding.scope["principal"] == kind
      case .keyAbsent: return finding.scope["key"] == "absent"
      case .egress(let kind): return finding.scope["egress"] == kind
      case .port(let port):
        guard let from = finding.scope["fromPort"].flatMap(Int.init),
          let to = finding.scope["toPort"].flatMap(Int.init)
        else { return finding.scope["ports"] == "all" }
        return (from == -1 && to == -1) || (from <= port && port <= to)
      }
    }
  }

  public var rule: String
  /// Only findings at this property path or under it.
  public var path: String?
  public var aspect: Aspect?

  /// What part of the rule the id reaches, for `explain`: `BlockPublicAcls only`,
  /// `ACL publicread only`; `nil` for the whole rule.
  public var part: String? {
    if let path { return "\(path.split(separator: ".").last ?? "") only" }
    switch aspect {
    case nil: return nil
    case .acl(let acls): return "ACL " + acls.sorted().joined(separator: ", ") + " only"
    case .principal(let kind): return "principal \(kind) only"
    case .port(let port): return "port \(port) only"
    case .keyAbsent: return "missing key only"
    case .egress(let kind): return "\(kind) egress only"
    }
  }

  public init(_ rule: String, _ aspect: Aspect? = nil, path: String? = nil) {
    self.rule = rule
    self.aspect = aspect
    self.path = path
  }
}
