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
    "W56": ForeignReach("ELB001"),  // ELBv2 listener protocol should use HTTPS for ALBs
    "W55": ForeignReach("ELB002"),  // ELBv2 listener SslPolicy should use TLS 1.2
    "W52": ForeignReach("ELB003"),  // ELBv2 should have access logging enabled
    "W26": ForeignReach("ELB006"),  // classic ELB should have access logging enabled
    "W70": ForeignReach("CDN002"),  // CloudFront minimum protocol version TLS 1.2
    "W10": ForeignReach("CDN003"),  // CloudFront distribution access logging
    "W59": ForeignReach("API001"),  // API Gateway method AuthorizationType should not be NONE
    "W69": ForeignReach("API002"),  // API Gateway stage should have AccessLogSetting
    "W46": ForeignReach("API002"),  // API Gateway V2 should have access logging
    "W62": ForeignReach("API003"),  // API Gateway SecurityPolicy should use TLS 1.2
    "W87": ForeignReach("API004"),  // API Gateway deployment cache data encryption
    "W53": ForeignReach("MQ004"),  // AmazonMQ broker should specify EncryptionOptions
    "W91": ForeignReach("DMS001"),  // DMS replication instance should not be public
    "W57": ForeignReach("COG001"),  // Cognito identity pool should not allow unauthenticated identities
    "F3": ForeignReach("IAM001"),  // IAM role should not allow * action on its permissions policy
    "F4": ForeignReach("IAM001"),  // IAM policy should not allow * action
    "F5": ForeignReach("IAM001"),  // IAM managed policy should not allow * action
    "W11": ForeignReach("IAM003"),  // IAM role should not allow * resource on its permissions policy
    "W12": ForeignReach("IAM003"),  // IAM policy should not allow * resource
    "W13": ForeignReach("IAM003"),  // IAM managed policy should not allow * resource
    "F38": ForeignReach("IAM004"),  // IAM role should not allow * resource with PassRole
    "F39": ForeignReach("IAM004"),  // IAM policy should not allow * resource with PassRole
    "F40": ForeignReach("IAM004"),  // IAM managed policy should not allow * resource with PassRole
    "W43": ForeignReach("IAM007"),  // IAM role should not have AdministratorAccess policy
    "F6": ForeignReach("IAM009"),  // IAM role should not allow Allow+NotPrincipal in its trust policy
    "F7": ForeignReach("IAM011"),  // SQS queue policy should not allow Allow+NotPrincipal
    "F8": ForeignReach("IAM011"),  // SNS topic policy should not allow Allow+NotPrincipal
    "F9": ForeignReach("IAM011"),  // S3 bucket policy should not allow Allow+NotPrincipal
    "F16": ForeignReach("IAM011"),  // S3 bucket policy should not allow * principal
    "F18": ForeignReach("IAM011"),  // SNS topic policy should not allow * principal
    "F21": ForeignReach("IAM011"),  // SQS queue policy should not allow * principal
    "F76": ForeignReach("IAM011"),  // KMS key should not allow * principal
    "F29": ForeignReach("WSP001"),  // WorkSpaces workspace should have encryption enabled
    "W92": ForeignReach("LMB002"),  // Lambda functions should define ReservedConcurrentExecutions
    "W1201": ForeignReach("SGM001"),  // SageMaker notebook instance should have a KmsKeyId
    "F10": ForeignReach("IAM015"),  // IAM user should not have any inline policies
    "F11": ForeignReach("IAM015"),  // IAM policy should not apply directly to users
    "F12": ForeignReach("IAM015"),  // IAM managed policy should not apply directly to users
    "F2": ForeignReach("IAM014"),  // IAM role should not allow * action on its trust policy
    "W14": ForeignReach("IAM005"),  // IAM role should not allow Allow+NotAction on trust permissions
    "W15": ForeignReach("IAM005"),  // IAM role should not allow Allow+NotAction
    "W16": ForeignReach("IAM005"),  // IAM policy should not allow Allow+NotAction
    "W17": ForeignReach("IAM005"),  // IAM managed policy should not allow Allow+NotAction
    "W18": ForeignReach("IAM005"),  // SQS queue policy should not allow Allow+NotAction
    "W19": ForeignReach("IAM005"),  // SNS topic policy should not allow Allow+NotAction
    "W20": ForeignReach("IAM005"),  // S3 bucket policy should not allow Allow+NotAction
    "W21": ForeignReach("IAM006"),  // IAM role should not allow Allow+NotResource
    "W22": ForeignReach("IAM006"),  // IAM policy should not allow Allow+NotResource
    "W23": ForeignReach("IAM006"),  // IAM managed policy should not allow Allow+NotResource
    "F23": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F31": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F34": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F35": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F36": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F37": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F41": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F42": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F43": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F44": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F45": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F46": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F47": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F48": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F49": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F50": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F51": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F52": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F53": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F54": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F55": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F56": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F57": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F58": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F60": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F61": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F62": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F63": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F64": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F65": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F66": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F67": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F68": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F69": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
    "F70": ForeignReach("SEC002"),  // a password, token or private key property must not be plain text
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
    "CKV_AWS_258": ForeignReach("PUB010"),  // Lambda function URL AuthType NONE
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
    "CKV_AWS_35": ForeignReach("TRL001"),  // CloudTrail logs encrypted with KMS
    "CKV_AWS_36": ForeignReach("TRL002"),  // CloudTrail log file validation
    "CKV_AWS_67": ForeignReach("TRL003"),  // CloudTrail in all regions
    "CKV_AWS_2": ForeignReach("ELB001"),  // ALB protocol is HTTPS (or redirects to it)
    "CKV_AWS_103": ForeignReach("ELB002"),  // load balancer listener uses TLS 1.2
    "CKV_AWS_91": ForeignReach("ELB003"),  // ELBv2 access logging
    "CKV_AWS_131": ForeignReach("ELB004"),  // ALB drops invalid HTTP headers
    "CKV_AWS_92": ForeignReach("ELB006"),  // classic ELB access logging
    "CKV_AWS_34": ForeignReach("CDN001"),  // CloudFront ViewerProtocolPolicy is HTTPS
    "CKV_AWS_174": ForeignReach("CDN002"),  // CloudFront viewer certificate TLS 1.2
    "CKV_AWS_86": ForeignReach("CDN003"),  // CloudFront access logging
    "CKV2_AWS_72": ForeignReach("CDN004"),  // CloudFront origin protocol policy HTTPS only
    "CKV_AWS_68": ForeignReach("CDN005"),  // CloudFront distribution has WAF
    "CKV_AWS_59": ForeignReach("API001"),  // no open access to back-end resources through API
    "CKV_AWS_76": ForeignReach("API002"),  // API Gateway access logging
    "CKV_AWS_95": ForeignReach("API002"),  // API Gateway V2 access logging
    "CKV_AWS_73": ForeignReach("API005"),  // API Gateway X-Ray tracing
    "CKV_AWS_69": ForeignReach("MQ001"),  // Amazon MQ broker not public
    "CKV_AWS_197": ForeignReach("MQ003"),  // MQ broker audit logging
    "CKV_AWS_89": ForeignReach("DMS001"),  // DMS replication instance not public
    "CKV_AWS_164": ForeignReach("TRF002"),  // Transfer server not public
    "CKV_AWS_366": ForeignReach("COG001"),  // Cognito identity pool without guest access
    "CKV_AWS_63": ForeignReach("IAM001"),  // no policy allows "*" as a statement's actions
    "CKV_AWS_62": ForeignReach("IAM001"),  // no policy allows full "*-*" administrative privileges
    "CKV_AWS_110": ForeignReach("IAM008"),  // IAM policies do not allow privilege escalation
    "CKV_AWS_60": ForeignReach("IAM009"),  // role allows only specific services or principals to assume it
    "CKV_AWS_61": ForeignReach("IAM010"),  // role does not let a whole account assume it
    "CKV_AWS_33": ForeignReach("IAM011"),  // KMS key policy without wildcard principal
    "CKV_AWS_32": ForeignReach("IAM011"),  // ECR policy not public
    "CKV_AWS_80": ForeignReach("MSK001"),  // MSK cluster logging
    "CKV_AWS_81": ForeignReach("MSK002"),  // MSK encryption in transit
    "CKV_AWS_291": ForeignReach("MSK003"),  // MSK nodes private
    "CKV_AWS_94": ForeignReach("GLU001"),  // Glue Data Catalog encryption
    "CKV_AWS_99": ForeignReach("GLU002"),  // Glue security configuration encryption
    "CKV_AWS_195": ForeignReach("GLU003"),  // Glue component has a security configuration
    "CKV_AWS_82": ForeignReach("ATH001"),  // Athena workgroup enforces its configuration
    "CKV_AWS_160": ForeignReach("TSM001"),  // Timestream database KMS CMK
    "CKV_AWS_170": ForeignReach("QLD001"),  // QLDB permissions mode STANDARD
    "CKV_AWS_172": ForeignReach("QLD002"),  // QLDB deletion protection
    "CKV_AWS_187": ForeignReach("SGM001"),  // SageMaker domain and notebook KMS CMK
    "CKV_AWS_367": ForeignReach("SGM002"),  // SageMaker data quality job output KMS
    "CKV_AWS_368": ForeignReach("SGM003"),  // SageMaker data quality job volume KMS
    "CKV_AWS_369": ForeignReach("SGM004"),  // SageMaker data quality job traffic encryption
    "CKV_AWS_370": ForeignReach("SGM005"),  // SageMaker model network isolation
    "CKV_AWS_371": ForeignReach("SGM006"),  // SageMaker notebook IMDSv2
    "CKV_AWS_373": ForeignReach("BDR001"),  // Bedrock agent KMS CMK
    "CKV_AWS_78": ForeignReach("CBD001"),  // CodeBuild project encryption not disabled
    "CKV_AWS_155": ForeignReach("WSP001"),  // WorkSpaces user volume encrypted
    "CKV_AWS_156": ForeignReach("WSP002"),  // WorkSpaces root volume encrypted
    "CKV_AWS_166": ForeignReach("BAK001"),  // Backup vault KMS CMK
    "CKV_AWS_193": ForeignReach("APS001"),  // AppSync logging
    "CKV_AWS_194": ForeignReach("APS002"),  // AppSync field-level logs
    "CKV_AWS_123": ForeignReach("VPE001"),  // VPC endpoint service manual acceptance
    "CKV_AWS_65": ForeignReach("ECS001"),  // ECS cluster Container Insights
    "CKV_AWS_97": ForeignReach("ECS002"),  // ECS task EFS volume transit encryption
    "CKV_AWS_363": ForeignReach("LMB001"),  // Lambda runtime not deprecated
    "CKV_AWS_115": ForeignReach("LMB002"),  // Lambda function-level concurrency limit
    "CKV2_AWS_75": ForeignReach("LMB003"),  // no open CORS policy on a function URL
    "CKV_AWS_40": ForeignReach("IAM015"),  // IAM policies attached only to groups or roles
    "CKV_AWS_45": ForeignReach("SEC001"),  // no hard-coded secrets in the Lambda environment
    "CKV_AWS_46": ForeignReach("SEC001"),  // no hard-coded secrets in EC2 user data
    "CKV_AWS_384": ForeignReach("SEC001"),  // no hard-coded secrets in Parameter Store values
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
