import Template

/// Allow or deny.
public enum Effect: String, Sendable {
  case allow = "Allow"
  case deny = "Deny"
}

/// A statement of an identity policy (a role's permissions): actions on resources, no principal.
///
/// Identity statements and trust or resource statements are different types, so a principal
/// in a permissions policy, or a trust policy without one, does not compile.
public struct Permission: Sendable {
  public var sid: String?
  public var effect: Effect
  public var actions: [Action]
  public var resources: [Value]
  public var conditions: [PolicyCondition]
  public var origin: SourceLocation

  public init(
    _ effect: Effect = .allow, sid: String? = nil, _ actions: [Action],
    on resources: [any ValueConvertible],
    when conditions: [PolicyCondition] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    self.sid = sid
    self.effect = effect
    self.actions = actions
    self.resources = resources.map(\.value)
    self.conditions = conditions
    self.origin = .blueprint(file, line)
  }

  /// `Allow` of `actions` on `resources`.
  public static func allow(
    _ actions: [Action], on resources: [any ValueConvertible],
    when conditions: [PolicyCondition] = [],
    sid: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) -> Permission {
    Permission(.allow, sid: sid, actions, on: resources, when: conditions, file: file, line: line)
  }

  /// `Deny` of `actions` on `resources`.
  public static func deny(
    _ actions: [Action], on resources: [any ValueConvertible],
    when conditions: [PolicyCondition] = [],
    sid: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) -> Permission {
    Permission(.deny, sid: sid, actions, on: resources, when: conditions, file: file, line: line)
  }

  func lower(into context: inout LoweringContext) -> Value {
    validate(actions, at: origin, into: &context)
    var statement = OrderedMap<Value>()
    if let sid { statement["Sid"] = .string(sid) }
    statement["Effect"] = .string(effect.rawValue)
    statement["Action"] = actions.count == 1 ? actions[0].value : .list(actions.map(\.value))
    statement["Resource"] = resources.count == 1 ? resources[0] : .list(resources)
    statement["Condition"] = conditions.value(in: context)
    return .map(statement)
  }
}

/// A statement of a trust policy or a resource policy (bucket, key, topic, queue): a principal
/// and what it may (or may not) do.
public struct Grant: Sendable {
  public var sid: String?
  public var effect: Effect
  public var principals: [Principal]
  public var actions: [Action]
  /// `nil` for trust policies and key policies' own key (`*`), which name no resource.
  public var resources: [Value]?
  /// Resources read when the policy lowers, after `resources`.
  public var resourceReferences: [RenderReference] = []
  public var conditions: [PolicyCondition]
  public var origin: SourceLocation

  public init(
    _ effect: Effect = .allow, sid: String? = nil, _ principals: [Principal], _ actions: [Action],
    on resources: [any ValueConvertible]? = nil, when conditions: [PolicyCondition] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.sid = sid
    self.effect = effect
    self.principals = principals
    self.actions = actions
    self.resources = resources?.map(\.value)
    self.conditions = conditions
    self.origin = .blueprint(file, line)
  }

  /// A statement on resources read when the policy lowers (`Later { Storage.rawBucket }.objects`):
  /// for a resource policy that names its own resource or one declared after it.
  public init(
    _ effect: Effect = .allow, sid: String? = nil, _ principals: [Principal], _ actions: [Action],
    on references: [RenderReference], when conditions: [PolicyCondition] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.init(
      effect, sid: sid, principals, actions, on: [any ValueConvertible](), when: conditions,
      file: file, line: line)
    self.resourceReferences = references
  }

  /// A trust statement: `principal` may assume the role (`sts:AssumeRole`).
  public static func assume(
    by principals: Principal..., when conditions: [PolicyCondition] = [],
    file: StaticString = #filePath,
    line: UInt = #line
  ) -> Grant {
    Grant(.allow, principals, ["sts:AssumeRole"], when: conditions, file: file, line: line)
  }

  func lower(into context: inout LoweringContext) -> Value {
    validate(actions, at: origin, into: &context)
    var statement = OrderedMap<Value>()
    if let sid { statement["Sid"] = .string(sid) }
    statement["Effect"] = .string(effect.rawValue)
    statement["Principal"] = principals.value
    statement["Action"] = actions.count == 1 ? actions[0].value : .list(actions.map(\.value))
    if let resources {
      let all = resources + resourceReferences.map { $0.resolve(context) }
      statement["Resource"] = all.count == 1 ? all[0] : .list(all)
    }
    statement["Condition"] = conditions.value(in: context)
    return .map(statement)
  }
}

private func validate(
  _ actions: [Action], at origin: SourceLocation, into context: inout LoweringContext
) {
  if actions.isEmpty {
    context.fail(.malformedAction, "a statement needs at least one action", at: origin)
  }
  for action in actions where !action.isWellFormed {
    context.fail(
      .malformedAction,
      "'\(action.rawValue)' is not an IAM action: write it as service:Action, e.g. s3:GetObject",
      at: origin)
  }
}

/// `{Version: 2012-10-17, Statement: [...]}`.
func policyDocument(_ statements: [Value]) -> Value {
  ["Version": "2012-10-17", "Statement": .list(statements)]
}

extension Array where Element == Permission {
  func document(into context: inout LoweringContext) -> Value {
    policyDocument(map { $0.lower(into: &context) })
  }
}

extension Array where Element == Grant {
  func document(into context: inout LoweringContext) -> Value {
    policyDocument(map { $0.lower(into: &context) })
  }
}
