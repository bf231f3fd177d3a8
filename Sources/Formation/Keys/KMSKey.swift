import Template

/// A customer-managed KMS key with rotation on, an alias, and a key policy that names who may
/// administer it and who may use it.
///
/// The account root gets the administrative actions (so IAM administrators can manage the
/// key and it can never be locked out) but not `kms:*` and not the cryptographic actions:
/// using the key needs a `users` or `services` entry, so the key policy is the one place that
/// says who can decrypt the data.
public struct KMSKey: ResourceDeclaration {
  /// A service that may use the key, optionally only on behalf of this account's resources.
  public struct ServiceUse: Sendable {
    public var service: String
    public var actions: [Action]
    public var conditions: [PolicyCondition]

    public init(_ service: String, actions: [Action], when conditions: [PolicyCondition] = []) {
      self.service = service
      self.actions = actions
      self.conditions = conditions
    }
  }

  public var logicalID: String
  public var description: String
  /// The alias's duty name: the key is `alias/<application>-<environment>/<name>`, since aliases
  /// are unique per account and region and environments share accounts.
  public var alias: String?
  /// Roles allowed to encrypt and decrypt with the key.
  public var users: [Role]
  /// Roles allowed to decrypt only.
  public var decryptors: [Role]
  public var services: [ServiceUse]
  /// Extra statements, for needs the three lists above don't cover.
  public var statements: [Grant]
  public var pendingWindow: Duration
  public var retention: RetentionPolicy
  public var tags: [Tag]
  /// Accepted findings of policy checkers, with the reason (see `Suppression`).
  public var suppressions: [Suppression]
  public var origin: SourceLocation

  public static let administrativeActions: [Action] = [
    "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
  ]
  public static let useActions: [Action] = [
    "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
  ]

  public init(
    _ logicalID: String, description: String, alias: String? = nil, users: [Role] = [],
    decryptors: [Role] = [], services: [ServiceUse] = [], statements: [Grant] = [],
    pendingWindow: Duration = .days(30), retention: RetentionPolicy = .retain, tags: [Tag] = [],
    suppressions: [Suppression] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.suppressions = suppressions
    self.logicalID = logicalID
    self.description = description
    self.alias = alias
    self.users = users
    self.decryptors = decryptors
    self.services = services
    self.statements = statements
    self.pendingWindow = pendingWindow
    self.retention = retention
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// This key, with `roles` added to its users (and `decryptors`).
  ///
  /// Roles usually refer to the key (`key.arn` in their policies) while the key's policy names
  /// the roles; declaring the key first and adding its users where the stack is assembled
  /// keeps the two static values from initialising each other.
  public func used(by roles: [Role], decryptOnly decryptors: [Role] = []) -> KMSKey {
    var key = self
    key.users += roles
    key.decryptors += decryptors
    return key
  }

  public var arn: ARN<KMSKey> { ARN(attribute("Arn")) }
  public var id: ID<KMSKey> { ID(ref) }

  /// Roles are named by ARN in an `aws:PrincipalArn` condition on the account principal, not as
  /// principals: KMS rejects a policy whose principal does not exist yet, and this way the key
  /// can be created before the roles (the key policy still names each role, and each role's
  /// own policy must allow the use too).
  private func roleGrant(
    _ sid: String, _ roles: [Role], _ actions: [Action], into context: inout LoweringContext
  )
    -> Grant?
  {
    guard !roles.isEmpty else { return nil }
    var arns: [any ValueConvertible] = []
    for role in roles {
      if let arn = role.arnFromName(in: context) {
        arns.append(arn)
      } else {
        context.fail(
          .invalidValue,
          "key '\(logicalID)' names role '\(role.logicalID)', which has no fixed name: give it one with Role(_, name:)",
          at: origin)
      }
    }
    return Grant(
      .allow, sid: sid, [.account], actions, on: ["*"],
      when: [PolicyCondition("ArnEquals", "aws:PrincipalArn", arns)])
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      pendingWindow.isWholeDays && (7...30).contains(pendingWindow.days), .invalidValue,
      "key '\(logicalID)': the deletion window must be 7 to 30 whole days, not \(pendingWindow)",
      at: origin)
    var grants = [
      Grant(.allow, sid: "AccountAdministration", [.account], Self.administrativeActions, on: ["*"])
    ]
    if let grant = roleGrant("UseKey", users, Self.useActions, into: &context) {
      grants.append(grant)
    }
    if let grant = roleGrant(
      "DecryptOnly", decryptors, ["kms:Decrypt", "kms:DescribeKey"], into: &context)
    {
      grants.append(grant)
    }
    for use in services {
      let sid =
        "Service"
        + use.service.prefix { $0 != "." }.split(separator: "-").map { $0.capitalized }.joined()
      grants.append(
        Grant(
          .allow, sid: sid, [.service(use.service)], use.actions, on: ["*"], when: use.conditions))
    }
    grants += statements
    var properties = Properties()
    properties["Description"] = description
    properties["EnableKeyRotation"] = true
    properties["PendingWindowInDays"] = pendingWindow.days
    properties["KeyPolicy"] = grants.document(into: &context)
    properties.set("Tags", (context.tags + tags).keyValueList)
    var key = Resource(type: "AWS::KMS::Key", properties: properties.map)
    key.retain(retention)
    key.metadata = suppressions.metadata
    var resources = [LoweredResource(logicalID, key, origin: origin)]
    if let alias {
      let aliasResource = Resource(
        type: "AWS::KMS::Alias",
        properties: [
          "AliasName": .sub(
            "alias/\(context.applicationName)-${\(context.environmentParameter)}/\(alias)"),
          "TargetKeyId": ref,
        ])
      resources.append(LoweredResource(logicalID + "Alias", aliasResource, origin: origin))
    }
    return resources
  }
}
