/// Equivalent rule ids of cfn_nag and checkov, so their Metadata suppressions carry over.
///
/// Only ids whose check asks the same question as the Formation rule are listed; an id
/// missing here is ignored (the other tool's suppression stays for the other tool). Every
/// checkov id is one of checkov 3's CloudFormation checks (`checkov --list --framework
/// cloudformation`) and was run against Formation's fixtures (docs/peer-comparison.md); the
/// cfn_nag ids follow cfn_nag's published rule list, which could not be run here.
public enum ForeignRuleMapping {
  /// cfn_nag rule id → Formation rule id.
  public static let cfnNag: [String: String] = [
    "W41": "ENC001",  // S3 bucket should have encryption option set
    "F19": "ENC002",  // EnableKeyRotation should not be false or absent
    "W74": "ENC003",  // DynamoDB table should use a CMK
    "W47": "ENC004",  // SNS topic should specify KmsMasterKeyId
    "W48": "ENC005",  // SQS queue should specify KmsMasterKeyId
    "W84": "ENC006",  // log group should specify a KMS key
    "F1": "ENC010",  // EBS volume should be encrypted
    "W77": "ENC011",  // secret should specify KmsKeyId
    "W31": "PUB002",  // bucket likely should not have a public read ACL
    "F14": "PUB002",  // bucket should not have a public read-write ACL
    "F13": "PUB004",  // Lambda permission principal should not be a wildcard
    "W33": "NET001",  // subnet should not have MapPublicIpOnLaunch
    "W2": "NET002",  // security group ingress open to the world
    "W5": "NET003",  // security group egress open to the world
    "F1000": "NET003",  // security group has no egress rule (allows all)
    "W89": "NET007",  // Lambda function should be in a VPC
    "W60": "NET008",  // VPC should have a flow log
    "W35": "LOG001",  // bucket should have access logging
    "W78": "LOG003",  // DynamoDB table should have backup (PITR)
    "W86": "LOG004",  // log group should set RetentionInDays
    "W56": "ELB001",  // ELBv2 listener protocol should use HTTPS for ALBs
    "W55": "ELB002",  // ELBv2 listener SslPolicy should use TLS 1.2
    "W52": "ELB003",  // ELBv2 should have access logging enabled
    "W26": "ELB006",  // classic ELB should have access logging enabled
    "W70": "CDN002",  // CloudFront minimum protocol version TLS 1.2
    "W10": "CDN003",  // CloudFront distribution access logging
    "W59": "API001",  // API Gateway method AuthorizationType should not be NONE
    "W69": "API002",  // API Gateway stage should have AccessLogSetting
    "W46": "API002",  // API Gateway V2 should have access logging
    "W62": "API003",  // API Gateway SecurityPolicy should use TLS 1.2
    "W87": "API004",  // API Gateway deployment cache data encryption
    "W53": "MQ004",  // AmazonMQ broker should specify EncryptionOptions
    "W91": "DMS001",  // DMS replication instance should not be public
    "W57": "COG001",  // Cognito identity pool should not allow unauthenticated identities
    "F3": "IAM001",  // IAM role should not allow * action on its permissions policy
    "F4": "IAM001",  // IAM policy should not allow * action
    "F5": "IAM001",  // IAM managed policy should not allow * action
    "W11": "IAM003",  // IAM role should not allow * resource on its permissions policy
    "W12": "IAM003",  // IAM policy should not allow * resource
    "W13": "IAM003",  // IAM managed policy should not allow * resource
    "F38": "IAM004",  // IAM role should not allow * resource with PassRole
    "F39": "IAM004",  // IAM policy should not allow * resource with PassRole
    "F40": "IAM004",  // IAM managed policy should not allow * resource with PassRole
    "W43": "IAM007",  // IAM role should not have AdministratorAccess policy
    "F6": "IAM009",  // IAM role should not allow Allow+NotPrincipal in its trust policy
    "F7": "IAM011",  // SQS queue policy should not allow Allow+NotPrincipal
    "F8": "IAM011",  // SNS topic policy should not allow Allow+NotPrincipal
    "F9": "IAM011",  // S3 bucket policy should not allow Allow+NotPrincipal
    "F16": "IAM011",  // S3 bucket policy should not allow * principal
    "F18": "IAM011",  // SNS topic policy should not allow * principal
    "F21": "IAM011",  // SQS queue policy should not allow * principal
    "F76": "IAM011",  // KMS key should not allow * principal
    "F29": "WSP001",  // WorkSpaces workspace should have encryption enabled
    "W92": "LMB002",  // Lambda functions should define ReservedConcurrentExecutions
    "W1201": "SGM001",  // SageMaker notebook instance should have a KmsKeyId
    "F10": "IAM015",  // IAM user should not have any inline policies
    "F11": "IAM015",  // IAM policy should not apply directly to users
    "F12": "IAM015",  // IAM managed policy should not apply directly to users
    "F2": "IAM014",  // IAM role should not allow * action on its trust policy
    "W14": "IAM005",  // IAM role should not allow Allow+NotAction on trust permissions
    "W15": "IAM005",  // IAM role should not allow Allow+NotAction
    "W16": "IAM005",  // IAM policy should not allow Allow+NotAction
    "W17": "IAM005",  // IAM managed policy should not allow Allow+NotAction
    "W18": "IAM005",  // SQS queue policy should not allow Allow+NotAction
    "W19": "IAM005",  // SNS topic policy should not allow Allow+NotAction
    "W20": "IAM005",  // S3 bucket policy should not allow Allow+NotAction
    "W21": "IAM006",  // IAM role should not allow Allow+NotResource
    "W22": "IAM006",  // IAM policy should not allow Allow+NotResource
    "W23": "IAM006",  // IAM managed policy should not allow Allow+NotResource
    "F23": "SEC002",  // a password, token or private key property must not be plain text
    "F31": "SEC002",  // a password, token or private key property must not be plain text
    "F34": "SEC002",  // a password, token or private key property must not be plain text
    "F35": "SEC002",  // a password, token or private key property must not be plain text
    "F36": "SEC002",  // a password, token or private key property must not be plain text
    "F37": "SEC002",  // a password, token or private key property must not be plain text
    "F41": "SEC002",  // a password, token or private key property must not be plain text
    "F42": "SEC002",  // a password, token or private key property must not be plain text
    "F43": "SEC002",  // a password, token or private key property must not be plain text
    "F44": "SEC002",  // a password, token or private key property must not be plain text
    "F45": "SEC002",  // a password, token or private key property must not be plain text
    "F46": "SEC002",  // a password, token or private key property must not be plain text
    "F47": "SEC002",  // a password, token or private key property must not be plain text
    "F48": "SEC002",  // a password, token or private key property must not be plain text
    "F49": "SEC002",  // a password, token or private key property must not be plain text
    "F50": "SEC002",  // a password, token or private key property must not be plain text
    "F51": "SEC002",  // a password, token or private key property must not be plain text
    "F52": "SEC002",  // a password, token or private key property must not be plain text
    "F53": "SEC002",  // a password, token or private key property must not be plain text
    "F54": "SEC002",  // a password, token or private key property must not be plain text
    "F55": "SEC002",  // a password, token or private key property must not be plain text
    "F56": "SEC002",  // a password, token or private key property must not be plain text
    "F57": "SEC002",  // a password, token or private key property must not be plain text
    "F58": "SEC002",  // a password, token or private key property must not be plain text
    "F60": "SEC002",  // a password, token or private key property must not be plain text
    "F61": "SEC002",  // a password, token or private key property must not be plain text
    "F62": "SEC002",  // a password, token or private key property must not be plain text
    "F63": "SEC002",  // a password, token or private key property must not be plain text
    "F64": "SEC002",  // a password, token or private key property must not be plain text
    "F65": "SEC002",  // a password, token or private key property must not be plain text
    "F66": "SEC002",  // a password, token or private key property must not be plain text
    "F67": "SEC002",  // a password, token or private key property must not be plain text
    "F68": "SEC002",  // a password, token or private key property must not be plain text
    "F69": "SEC002",  // a password, token or private key property must not be plain text
    "F70": "SEC002",  // a password, token or private key property must not be plain text
  ]

  /// checkov check id → Formation rule id.
  public static let checkov: [String: String] = [
    "CKV_AWS_19": "ENC001",  // S3 data encrypted at rest
    "CKV_AWS_7": "ENC002",  // KMS key rotation
    "CKV_AWS_119": "ENC003",  // DynamoDB encrypted with a CMK
    "CKV_AWS_26": "ENC004",  // SNS encryption
    "CKV_AWS_27": "ENC005",  // SQS encryption
    "CKV_AWS_158": "ENC006",  // log group KMS
    "CKV_AWS_136": "ENC007",  // ECR KMS
    "CKV_AWS_173": "ENC008",  // Lambda environment variables encrypted
    "CKV_AWS_3": "ENC010",  // EBS volume encrypted
    "CKV_AWS_149": "ENC011",  // secret encrypted with a CMK
    "CKV_AWS_53": "PUB001",  // BlockPublicAcls
    "CKV_AWS_54": "PUB001",  // BlockPublicPolicy
    "CKV_AWS_55": "PUB001",  // IgnorePublicAcls
    "CKV_AWS_56": "PUB001",  // RestrictPublicBuckets
    "CKV_AWS_20": "PUB002",  // S3 public read ACL
    "CKV_AWS_57": "PUB002",  // S3 public write ACL
    "CKV_AWS_364": "PUB004",  // Lambda permissions for services limited by SourceArn/SourceAccount
    "CKV_AWS_24": "NET002",  // ingress 0.0.0.0/0 to port 22
    "CKV_AWS_25": "NET002",  // ingress 0.0.0.0/0 to port 3389
    "CKV_AWS_260": "NET002",  // ingress 0.0.0.0/0 to port 80
    "CKV_AWS_88": "NET004",  // EC2 instance/launch template public IP
    "CKV_AWS_79": "NET005",  // IMDSv1 disabled
    "CKV_AWS_117": "NET007",  // Lambda in a VPC
    "CKV_AWS_18": "LOG001",  // S3 access logging
    "CKV_AWS_21": "LOG002",  // S3 versioning
    "CKV_AWS_28": "LOG003",  // DynamoDB point-in-time recovery
    "CKV_AWS_66": "LOG004",  // log group retention
    "CKV_AWS_163": "LOG005",  // ECR scan on push
    "CKV_AWS_51": "LOG006",  // ECR immutable tags
    "CKV_AWS_116": "LOG007",  // Lambda dead-letter queue
    "CKV_AWS_35": "TRL001",  // CloudTrail logs encrypted with KMS
    "CKV_AWS_36": "TRL002",  // CloudTrail log file validation
    "CKV_AWS_67": "TRL003",  // CloudTrail in all regions
    "CKV_AWS_2": "ELB001",  // ALB protocol is HTTPS (or redirects to it)
    "CKV_AWS_103": "ELB002",  // load balancer listener uses TLS 1.2
    "CKV_AWS_91": "ELB003",  // ELBv2 access logging
    "CKV_AWS_131": "ELB004",  // ALB drops invalid HTTP headers
    "CKV_AWS_92": "ELB006",  // classic ELB access logging
    "CKV_AWS_34": "CDN001",  // CloudFront ViewerProtocolPolicy is HTTPS
    "CKV_AWS_174": "CDN002",  // CloudFront viewer certificate TLS 1.2
    "CKV_AWS_86": "CDN003",  // CloudFront access logging
    "CKV2_AWS_72": "CDN004",  // CloudFront origin protocol policy HTTPS only
    "CKV_AWS_68": "CDN005",  // CloudFront distribution has WAF
    "CKV_AWS_59": "API001",  // no open access to back-end resources through API
    "CKV_AWS_76": "API002",  // API Gateway access logging
    "CKV_AWS_95": "API002",  // API Gateway V2 access logging
    "CKV_AWS_73": "API005",  // API Gateway X-Ray tracing
    "CKV_AWS_69": "MQ001",  // Amazon MQ broker not public
    "CKV_AWS_197": "MQ003",  // MQ broker audit logging
    "CKV_AWS_89": "DMS001",  // DMS replication instance not public
    "CKV_AWS_164": "TRF002",  // Transfer server not public
    "CKV_AWS_366": "COG001",  // Cognito identity pool without guest access
    "CKV_AWS_63": "IAM001",  // no policy allows "*" as a statement's actions
    "CKV_AWS_62": "IAM001",  // no policy allows full "*-*" administrative privileges
    "CKV_AWS_110": "IAM008",  // IAM policies do not allow privilege escalation
    "CKV_AWS_60": "IAM009",  // role allows only specific services or principals to assume it
    "CKV_AWS_61": "IAM010",  // role does not let a whole account assume it
    "CKV_AWS_33": "IAM011",  // KMS key policy without wildcard principal
    "CKV_AWS_32": "IAM011",  // ECR policy not public
    "CKV_AWS_80": "MSK001",  // MSK cluster logging
    "CKV_AWS_81": "MSK002",  // MSK encryption in transit
    "CKV_AWS_291": "MSK003",  // MSK nodes private
    "CKV_AWS_94": "GLU001",  // Glue Data Catalog encryption
    "CKV_AWS_99": "GLU002",  // Glue security configuration encryption
    "CKV_AWS_195": "GLU003",  // Glue component has a security configuration
    "CKV_AWS_82": "ATH001",  // Athena workgroup enforces its configuration
    "CKV_AWS_160": "TSM001",  // Timestream database KMS CMK
    "CKV_AWS_170": "QLD001",  // QLDB permissions mode STANDARD
    "CKV_AWS_172": "QLD002",  // QLDB deletion protection
    "CKV_AWS_187": "SGM001",  // SageMaker domain and notebook KMS CMK
    "CKV_AWS_367": "SGM002",  // SageMaker data quality job output KMS
    "CKV_AWS_368": "SGM003",  // SageMaker data quality job volume KMS
    "CKV_AWS_369": "SGM004",  // SageMaker data quality job traffic encryption
    "CKV_AWS_370": "SGM005",  // SageMaker model network isolation
    "CKV_AWS_371": "SGM006",  // SageMaker notebook IMDSv2
    "CKV_AWS_373": "BDR001",  // Bedrock agent KMS CMK
    "CKV_AWS_78": "CBD001",  // CodeBuild project encryption not disabled
    "CKV_AWS_155": "WSP001",  // WorkSpaces user volume encrypted
    "CKV_AWS_156": "WSP002",  // WorkSpaces root volume encrypted
    "CKV_AWS_166": "BAK001",  // Backup vault KMS CMK
    "CKV_AWS_193": "APS001",  // AppSync logging
    "CKV_AWS_194": "APS002",  // AppSync field-level logs
    "CKV_AWS_123": "VPE001",  // VPC endpoint service manual acceptance
    "CKV_AWS_65": "ECS001",  // ECS cluster Container Insights
    "CKV_AWS_97": "ECS002",  // ECS task EFS volume transit encryption
    "CKV_AWS_363": "LMB001",  // Lambda runtime not deprecated
    "CKV_AWS_115": "LMB002",  // Lambda function-level concurrency limit
    "CKV2_AWS_75": "LMB003",  // no open CORS policy on a function URL
    "CKV_AWS_40": "IAM015",  // IAM policies attached only to groups or roles
    "CKV_AWS_45": "SEC001",  // no hard-coded secrets in the Lambda environment
    "CKV_AWS_46": "SEC001",  // no hard-coded secrets in EC2 user data
    "CKV_AWS_384": "SEC001",  // no hard-coded secrets in Parameter Store values
  ]

  /// The Formation rule for a foreign id, looked up case-insensitively.
  public static func formationRule(for id: String, source: Suppression.Source) -> String? {
    let key = id.uppercased()
    switch source {
    case .cfnNag: return cfnNag[key]
    case .checkov: return checkov[key]
    case .formation: return nil
    }
  }
}
