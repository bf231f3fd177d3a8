import Template

/// An IAM role: who may assume it (the trust policy) and what it may do (inline policies and
/// managed policies), optionally with an instance profile for EC2.
///
/// A role without a trust statement is a render error: CloudFormation requires one and a
/// role nobody can assume is always a mistake.
public struct Role: ResourceDeclaration {
  public var logicalID: String
  /// The role's duty name; the physical name is `<application>-<environment>-<name>`. A role
  /// that a key policy names must have one.
  public var name: String?
  public var description: String
  public var trust: [Grant]
  public var policies: [InlinePolicy]
  public var managedPolicies: [any ValueConvertible]
  /// Also create an `AWS::IAM::InstanceProfile` (`<id>InstanceProfile`) for EC2 instances.
  public var instanceProfile: Bool
  /// Create the role (and its instance profile) only when this condition holds: a role for an
  /// optional integration should not exist while the integration is off.
  public var condition: Condition?
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String? = nil, description: String, trust: [Grant],
    policies: [InlinePolicy] = [],
    managedPolicies: [any ValueConvertible] = [], instanceProfile: Bool = false,
    when condition: Condition? = nil, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.condition = condition
    self.logicalID = logicalID
    self.name = name
    self.description = description
    self.trust = trust
    self.policies = policies
    self.managedPolicies = managedPolicies
    self.instanceProfile = instanceProfile
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<Role> { ARN(attribute("Arn")) }
  public var roleName: Name<Role> { Name(ref) }

  /// The role's ARN built from its fixed name, for policies that must name the role without
  /// depending on the stack that creates it. `nil` when the role has no fixed name.
  public func arnFromName(in context: LoweringContext) -> Value? {
    name.map {
      Self.arn(
        ofDuty: $0, application: context.applicationName,
        environmentParameter: context.environmentParameter)
    }
  }

  /// `arn:...:role/<application>-${<environment>}-<duty>`: the ARN of a role with a fixed duty
  /// name, for blueprints that must name a role before (or without) its `Role` value.
  public static func arn(ofDuty duty: String, application: String, environmentParameter: String)
    -> Value
  {
    .sub(
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/\(application)-${\(environmentParameter)}-\(duty)"
    )
  }
  /// The instance profile's ARN; only meaningful with `instanceProfile: true`.
  public var instanceProfileARN: ARN<InstanceProfileKind> { ARN(.getAtt(instanceProfileID, "Arn")) }
  var instanceProfileID: String { logicalID + "InstanceProfile" }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    context.require(
      !trust.isEmpty, .missingTrustPolicy,
      "role '\(logicalID)' has no trust policy: say who may assume it with trust: [.assume(by: .service(...))]",
      at: origin)
    var properties = Properties()
    if let name { properties["RoleName"] = context.physicalName(name) }
    properties["Description"] = description
    properties["AssumeRolePolicyDocument"] = trust.document(into: &context)
    properties.set("ManagedPolicyArns", managedPolicies.map(\.value))
    properties.set(
      "Policies",
      policies.map { policy -> Value in
        [
          "PolicyName": .string(policy.name),
          "PolicyDocument": policy.statements.document(into: &context),
        ]
      })
    properties.set("Tags", (context.tags + tags).keyValueList)
    var resources = [
      LoweredResource(
        logicalID, Resource(
          type: "AWS::IAM::Role", properties: properties.map, condition: condition?.name),
        origin: origin)
    ]
    if instanceProfile {
      let profile = Resource(
        type: "AWS::IAM::InstanceProfile", properties: ["Roles": [ref]],
        condition: condition?.name)
      resources.append(LoweredResource(instanceProfileID, profile, origin: origin))
    }
    return resources
  }
}

/// Marks ARNs of instance profiles.
public enum InstanceProfileKind {}

/// A named inline policy of a role.
public struct InlinePolicy: Sendable {
  public var name: String
  public var statements: [Permission]

  public init(_ name: String, _ statements: [Permission]) {
    self.name = name
    self.statements = statements
  }
}
