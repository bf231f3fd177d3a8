import Template

/// A policy document found in a template, with what it governs.
public struct PolicySource: Sendable {
  public enum Kind: String, Sendable, Hashable {
    /// Attached to roles, users or groups: what they may do.
    case identity
    /// A role's `AssumeRolePolicyDocument`: who may become the role.
    case trust
    /// On a bucket, key, topic, queue, repository, endpoint, event bus, function: who may use it.
    case resource
  }

  public var kind: Kind
  /// The resource the document is written in.
  public var logicalID: String
  public var resourceType: String
  /// The property path of the document inside the resource (`Policies.0.PolicyDocument`).
  public var path: String
  public var document: PolicyDocument
  /// Identity policies: the roles, users and groups (logical ids) they apply to. Resource
  /// policies: the resources they protect. Trust policies: the role.
  public var targets: [String]
  /// Where the document was written.
  public var location: SourceLocation?
}

/// Every policy of a template, and what applies to whom.
///
/// "Can role X do action A on resource R" is `index.evaluate(principal: "X", action: A, resource: R)`:
/// the role's inline policies, the template's `AWS::IAM::Policy`/`ManagedPolicy` attached to it
/// (by `Roles`, or by the role's `ManagedPolicyArns`), its groups' policies for users, and the
/// AWS managed policies Formation knows (see `ManagedPolicies`; others make the answer unknown).
/// Attachments are taken from every `Fn::If` branch: a policy attached in one branch counts.
///
/// The index is built on `PolicyDocuments`, the documents as written, with the resources and
/// principals they name spelled out (`Resolver.canonical`) so that `!GetAtt Raw.Arn` and
/// `arn:aws:s3:::genexomics-raw` meet.
public struct PolicyIndex: Sendable {
  public let resolver: Resolver
  public private(set) var sources: [PolicySource] = []
  /// AWS managed policy ARNs attached to each principal, resolved, with where they were written.
  public private(set) var managedPolicyArns: [String: [Resolved]] = [:]
  /// Lookups built once: the trust policy of each role, the resource policies of each protected
  /// resource, the identity statements of each principal.
  private var trustByRole: [String: Int] = [:]
  private var resourceByTarget: [String: [Int]] = [:]
  private var statementsByPrincipal: [String: [Statement]] = [:]
  /// Answers derived from the index on first request (`batchRoles()`), kept with it so every
  /// rule sharing the index (through the check's `TemplateMemo`) shares them.
  package let memo = PolicyIndexMemo()

  public init(_ template: Template) { self.init(resolver: Resolver(template)) }

  public init(resolver: Resolver) { self.init(PolicyDocuments(resolver: resolver)) }

  /// The index of `documents`, with the resources and principals they name spelled out.
  public init(_ documents: PolicyDocuments) {
    let resolver = documents.resolver
    self.resolver = resolver
    let template = resolver.template
    roles = template.logicalIDs(ofType: "AWS::IAM::Role")
    // A SAM function or state machine without `Role` gets a role SAM makes from its
    // `Policies`: the resource stands for that role.
    principals = template.logicalIDs(
      ofTypes: Array(Self.principalTypes.union(Self.samPrincipalTypes))
    )
    .filter { id in
      !Self.samPrincipalTypes.contains(resolver.type(of: id) ?? "")
        || template.property("Role", of: id) == nil
    }
    sources = documents.sources.map { source in
      var source = source
      source.document = source.document.spelledOut(by: resolver)
      return source
    }
    managedPolicyArns = documents.managedPolicyArns
    buildLookups()
    for source in sources {
      switch source.kind {
      case .identity: identityPolicies.append(source)
      case .trust: trustPolicies.append(source)
      case .resource: resourcePolicies.append(source)
      }
    }
  }

  public var template: Template { resolver.template }

  /// The resource policies read the same way: by type, the property holding the document and
  /// the property naming what it protects (`nil`: the resource protects itself).
  package static let resourcePolicyProperties: [String: (property: String, targets: String?)] = [
    "AWS::S3::BucketPolicy": ("PolicyDocument", "Bucket"),
    "AWS::SNS::TopicPolicy": ("PolicyDocument", "Topics.*"),
    "AWS::SQS::QueuePolicy": ("PolicyDocument", "Queues.*"),
    "AWS::KMS::Key": ("KeyPolicy", nil),
    "AWS::KMS::ReplicaKey": ("KeyPolicy", nil),
    "AWS::ECR::Repository": ("RepositoryPolicyText", nil),
    "AWS::EC2::VPCEndpoint": ("PolicyDocument", nil),
    "AWS::Events::EventBus": ("Policy", nil),
    "AWS::SecretsManager::ResourcePolicy": ("ResourcePolicy", "SecretId"),
    "AWS::S3::AccessPoint": ("Policy", nil),
    "AWS::SNS::TopicInlinePolicy": ("PolicyDocument", "TopicArn"),
    "AWS::SQS::QueueInlinePolicy": ("PolicyDocument", "Queue"),
  ]

  /// The resource types whose policies the index reads.
  public static let principalTypes: Set<String> = [
    "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
  ]

  /// SAM resources that deploy a role of their own from `Policies` (when they name no `Role`).
  public static let samPrincipalTypes: Set<String> = [
    "AWS::Serverless::Function", "AWS::Serverless::StateMachine",
  ]

  /// The sources of each kind, sorted out once: about ten rules ask for each list.
  public private(set) var identityPolicies: [PolicySource] = []
  public private(set) var trustPolicies: [PolicySource] = []
  public private(set) var resourcePolicies: [PolicySource] = []

  /// Logical ids of the template's roles, in template order (found once: rules ask often).
  public let roles: [String]
  /// Every principal of the template (roles, users, groups), in template order.
  public let principals: [String]

  /// The role's `AssumeRolePolicyDocument`.
  public func trustPolicy(of role: String) -> PolicyDocument? {
    trustByRole[role].map { sources[$0].document }
  }

  /// The resource policies that protect a resource (a bucket's `BucketPolicy`, a key's `KeyPolicy`).
  public func resourcePolicies(protecting logicalID: String) -> [PolicySource] {
    (resourceByTarget[logicalID] ?? []).map { sources[$0] }
  }

  /// The source a statement was read from (see `Statement.origin`).
  public func source(of statement: Statement) -> PolicySource? {
    guard let origin = statement.origin else { return nil }
    return sources.first { $0.logicalID == origin.logicalID && $0.path == origin.path }
  }

  /// The identity statements that apply to a role, user or group: inline, attached from the
  /// template, a user's groups', and known AWS managed policies. An unknown managed policy adds
  /// an Allow of unknown actions, so questions about it answer "unknown".
  public func identityStatements(of principal: String) -> [Statement] {
    statementsByPrincipal[principal] ?? []
  }

  private mutating func buildLookups() {
    var attached: [String: [Int]] = [:]
    for (offset, source) in sources.enumerated() {
      switch source.kind {
      case .trust: trustByRole[source.logicalID] = offset
      case .resource:
        for target in source.targets { resourceByTarget[target, default: []].append(offset) }
      case .identity: for target in source.targets { attached[target, default: []].append(offset) }
      }
    }
    for principal in principals {
      statementsByPrincipal[principal] = collectIdentityStatements(
        of: principal, attached: attached)
    }
  }

  private func collectIdentityStatements(of principal: String, attached: [String: [Int]])
    -> [Statement]
  {
    var owners = [principal]
    if resolver.type(of: principal) == "AWS::IAM::User" {
      owners += groups(ofUser: principal)
    }
    var statements: [Statement] = []
    var seen: Set<Int> = []
    for owner in owners {
      for offset in attached[owner] ?? [] where seen.insert(offset).inserted {
        if statements.isEmpty {
          // Shares the document's storage: most principals have one policy.
          statements = sources[offset].document.statements
        } else {
          statements += sources[offset].document.statements
        }
      }
    }
    for owner in owners {
      for arn in managedPolicyArns[owner] ?? [] {
        statements += managedStatements(arn).map { statement in
          var statement = statement
          statement.origin = PolicyOrigin(logicalID: owner, path: "ManagedPolicyArns")
          return statement
        }
      }
    }
    return statements
  }

  /// Whether a principal of the template may do `action` on `resource` by its identity policies.
  /// `resource` is canonicalized (`!GetAtt RawBucket.Arn` and `arn:...:${RawBucket}` meet).
  public func evaluate(principal: String, action: String, resource: SymbolicString? = nil)
    -> Decision
  {
    identityStatements(of: principal).evaluate(
      action: action, resource: resource.map { resolver.canonical($0) }, principal: nil)
  }

  /// Whether the role's trust policy lets `service` assume it.
  public func isAssumable(_ role: String, by service: String) -> Bool {
    guard let trust = trustPolicy(of: role) else { return false }
    return trust.evaluate(action: "sts:AssumeRole", principal: .service(service)).outcome
      >= .conditionallyAllowed
  }

  /// The roles whose trust policy lets `service` assume them, in template order.
  public func roles(assumableBy service: String) -> [String] {
    memo.roles(assumableBy: service) { roles.filter { isAssumable($0, by: service) } }
  }

  /// The role's ARN spelled out for matching.
  public func arn(of principal: String) -> SymbolicString {
    resolver.arn(of: principal) ?? SymbolicString(symbol: .attribute(principal, "Arn"))
  }

  /// The groups a user belongs to by its `Groups` property or `AWS::IAM::UserToGroupAddition`.
  public func groups(ofUser user: String) -> [String] {
    var result = resolver.principals(
      in: resolver.property("Groups", of: user), type: "AWS::IAM::Group")
    for addition in template.logicalIDs(ofType: "AWS::IAM::UserToGroupAddition") {
      let users = resolver.principals(
        in: resolver.property("Users", of: addition), type: "AWS::IAM::User")
      if users.contains(user) {
        result += resolver.principals(
          in: resolver.property("GroupName", of: addition), type: "AWS::IAM::Group")
      }
    }
    return result
  }

  /// The statements of an attached managed policy ARN: known AWS managed policies by content,
  /// anything else as an Allow of unknown actions on `*`.
  private func managedStatements(_ arn: Resolved) -> [Statement] {
    let reason: String
    if let string = arn.string, let name = ManagedPolicies.awsManagedName(string) {
      if let statements = ManagedPolicies.statements(of: name) {
        return statements.map { statement in
          var statement = statement
          statement.assumptions = arn.assumptions
          statement.location = arn.location
          return statement
        }
      }
      reason = "the content of the AWS managed policy \(name) is not known to Formation"
    } else if let string = arn.string, string.isFullyKnown {
      reason = "the managed policy \(string) is not in this template"
    } else {
      reason =
        "an attached managed policy cannot be read: \(arn.unknownReasons.first ?? "its ARN is unknown")"
    }
    return [
      Statement(
        index: 0, effect: .allow,
        actions: ElementList(elements: [
          PolicyElement(ActionPattern(SymbolicString([.unknown(reason)])))
        ]),
        resources: ElementList(elements: [PolicyElement(ResourcePattern(written: "*"))]),
        assumptions: arn.assumptions, location: arn.location)
    ]
  }
}

extension PolicyIndex: TemplateDerivation {
  /// The index the rules of one check share (`RuleContext.policies`): reading every policy once
  /// instead of once per rule is what keeps `lint` fast on large templates.
  public init(deriving memo: TemplateMemo) {
    self.init(memo.value(PolicyDocuments.self))
  }
}
