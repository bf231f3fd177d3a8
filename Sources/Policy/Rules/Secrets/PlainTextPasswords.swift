import Template

extension Secrets {
  /// The password, token and private-key properties of each resource type, as paths below
  /// `Properties` (`[]` steps into each element of a list).
  static let passwordProperties: [String: [[String]]] = [
    "AWS::RDS::DBInstance": [["MasterUserPassword"]],
    "AWS::RDS::DBCluster": [["MasterUserPassword"]],
    "AWS::DocDB::DBCluster": [["MasterUserPassword"]],
    "AWS::Redshift::Cluster": [["MasterUserPassword"]],
    "AWS::DMS::Endpoint": [["Password"], ["MongoDbSettings", "Password"]],
    "AWS::DirectoryService::MicrosoftAD": [["Password"]],
    "AWS::DirectoryService::SimpleAD": [["Password"]],
    "AWS::ElastiCache::ReplicationGroup": [["AuthToken"]],
    "AWS::IAM::User": [["LoginProfile", "Password"]],
    "AWS::AmazonMQ::Broker": [["Users", "[]", "Password"]],
    "AWS::Amplify::App": [["AccessToken"], ["OauthToken"], ["BasicAuthConfig", "Password"]],
    "AWS::Amplify::Branch": [["BasicAuthConfig", "Password"]],
    "AWS::AppStream::DirectoryConfig": [["ServiceAccountCredentials", "AccountPassword"]],
    "AWS::CodePipeline::Webhook": [["AuthenticationConfiguration", "SecretToken"]],
    "AWS::EMR::Cluster": [
      ["KerberosAttributes", "ADDomainJoinPassword"],
      ["KerberosAttributes", "CrossRealmTrustPrincipalPassword"],
      ["KerberosAttributes", "KdcAdminPassword"],
    ],
    "AWS::KinesisFirehose::DeliveryStream": [
      ["RedshiftDestinationConfiguration", "Password"],
      ["SplunkDestinationConfiguration", "HECToken"],
    ],
    "AWS::Lambda::Permission": [["EventSourceToken"]],
    "AWS::OpsWorks::App": [["AppSource", "Password"], ["SslConfiguration", "PrivateKey"]],
    "AWS::OpsWorks::Stack": [
      ["CustomCookbooksSource", "Password"], ["RdsDbInstances", "[]", "DbPassword"],
    ],
    "AWS::Pinpoint::APNSChannel": [["PrivateKey"], ["TokenKey"]],
    "AWS::Pinpoint::APNSSandboxChannel": [["PrivateKey"], ["TokenKey"]],
    "AWS::Pinpoint::APNSVoipChannel": [["PrivateKey"], ["TokenKey"]],
    "AWS::Pinpoint::APNSVoipSandboxChannel": [["PrivateKey"], ["TokenKey"]],
  ]

  /// SEC002: a password property is written in the template, or comes from a parameter that
  /// shows it (not NoEcho) or carries it (a Default).
  static let plainTextPasswords = Rule(
    id: "SEC002", title: "Password and token properties are references, not plain text",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: passwordProperties.keys.sorted(),
    rationale:
      "A master password, auth token or private key written in the template, or taken from a parameter without NoEcho (shown by DescribeStacks and the console) or with a Default (written in the template), is readable by everyone who can read the stack. {{resolve:secretsmanager:...}} and {{resolve:ssm-secure:...}} fetch the value at deploy time and never show it; {{resolve:ssm:...}} reads a plain String parameter.",
    remediation:
      "Use {{resolve:secretsmanager:secret-id:SecretString:password}} (or ManageMasterUserPassword: true for RDS), or a NoEcho parameter without a Default."
  ) { context in
    context.findingsPerResource { logicalID, resource in
      (passwordProperties[resource.type ?? ""] ?? []).flatMap { path -> [Finding] in
        let properties = Value(.map(resource.properties))
        return values(at: path[...], in: properties, written: "Properties").flatMap {
          value, written in
          plainText(value, property: path.last ?? "", context: context).map { message, location in
            context.finding(message, logicalID: logicalID, at: location, path: written)
          }
        }
      }
    }
  }

  /// The values at `path` below `value` (each element for `[]`), with their written paths.
  private static func values(at path: ArraySlice<String>, in value: Value, written: String)
    -> [(Value, String)]
  {
    guard let key = path.first else { return [(value, written)] }
    if key == "[]" {
      return (value.listValue ?? []).enumerated().flatMap { index, element in
        values(at: path.dropFirst(), in: element, written: "\(written).\(index)")
      }
    }
    guard let member = value.mapValue?[key] else { return [] }
    return values(at: path.dropFirst(), in: member, written: "\(written).\(key)")
  }

  /// Why a password value is plain text, once per `Fn::If` branch that makes it so.
  private static func plainText(
    _ value: Value, property: String, context: RuleContext, branch: String = ""
  ) -> [(String, SourceLocation?)] {
    switch value.kind {
    case .string(let text):
      let secure = ["{{resolve:secretsmanager:", "{{resolve:ssm-secure:"]
      if secure.contains(where: text.hasPrefix) { return [] }
      if text.hasPrefix("{{resolve:ssm:") {
        return [
          (
            "\(property) reads a plain String SSM parameter (\(text)); use ssm-secure or secretsmanager\(branch)",
            value.location
          )
        ]
      }
      return [("\(property) is written in plain text in the template\(branch)", value.location)]
    case .number:
      return [("\(property) is written in plain text in the template\(branch)", value.location)]
    case .intrinsic(.ref(let name)):
      guard let parameter = context.template.parameters[name] else { return [] }
      if !parameter.noEcho {
        return [
          (
            "\(property) comes from parameter \(name), which is not NoEcho: DescribeStacks and the console show it\(branch)",
            value.location
          )
        ]
      }
      if parameter.defaultValue != nil {
        return [
          (
            "\(property) comes from parameter \(name), whose Default writes it in the template\(branch)",
            value.location
          )
        ]
      }
      return []
    case .intrinsic(.sub(let sub)):
      if sub.parts.count == 1, case .reference(let name) = sub.parts[0] {
        return plainText(
          Value(.intrinsic(.ref(name)), at: value.location), property: property,
          context: context, branch: branch)
      }
      return []
    case .intrinsic(.if(let condition, let then, let otherwise)):
      return plainText(
        then, property: property, context: context,
        branch: " (when condition \(condition) is true)")
        + plainText(
          otherwise, property: property, context: context,
          branch: " (when condition \(condition) is false)")
    default:
      return []
    }
  }
}
