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

  public init(resolver: Resolver) {
    self.resolver = resolver
    let template = resolver.template
    roles = template.logicalIDs(ofType: "AWS::IAM::Role")
    // A SAM function or state machine without `Role` gets a role SAM makes from its
    // `Policies`: the resource stands for that role.
    principals = template.logicalIDs(ofTypes: Array(Self.principalTypes.union(Self.samPrincipalTypes)))
      .filter { id in
        !Self.samPrincipalTypes.contains(resolver.type(of: id) ?? "")
          || template.property("Role", of: id) == nil
      }
    collect()
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
    var result = principals(in: resolver.property("Groups", of: user), type: "AWS::IAM::Group")
    for addition in template.logicalIDs(ofType: "AWS::IAM::UserToGroupAddition") {
      let users = principals(in: resolver.property("Users", of: addition), type: "AWS::IAM::User")
      if users.contains(user) {
        result += principals(
          in: resolver.property("GroupName", of: addition), type: "AWS::IAM::Group")
      }
    }
    return result
  }

  // MARK: - Collection

  private mutating func collect() {
    var attachedByRole: [String: [String]] = [:]  // managed policy logical id -> principals
    // Each resource is handed to `add` rather than looked up again by logical id.
    for entry in template.resources.entries {
      let (id, resource) = (entry.key, entry.value)
      guard let type = resource.type else { continue }
      switch type {
      case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
        if type == "AWS::IAM::Role" {
          add(.trust, id, type, "AssumeRolePolicyDocument", targets: [id], of: resource)
        }
        inlinePolicies(of: id, type: type, resource: resource)
        for arn in resolver.property("ManagedPolicyArns", of: resource).flatMap({
          resolver.elements(of: $0)
        }) {
          if let target = arn.string?.resourceReference?.logicalID,
            resolver.type(of: target) == "AWS::IAM::ManagedPolicy"
          {
            attachedByRole[target, default: []].append(id)
          } else if !arn.isAbsent {
            managedPolicyArns[id, default: []].append(arn)
          }
        }
      case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
        let targets = attachments(of: id) + (attachedByRole[id] ?? [])
        add(.identity, id, type, "PolicyDocument", targets: targets, of: resource)
      case "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy":
        let key =
          ["AWS::IAM::RolePolicy": "RoleName", "AWS::IAM::UserPolicy": "UserName"][type]
          ?? "GroupName"
        let kind =
          ["AWS::IAM::RolePolicy": "AWS::IAM::Role", "AWS::IAM::UserPolicy": "AWS::IAM::User"][type]
          ?? "AWS::IAM::Group"
        add(
          .identity, id, type, "PolicyDocument",
          targets: principals(in: resolver.property(key, of: id), type: kind), of: resource)
      case "AWS::Logs::ResourcePolicy":
        // The property is a JSON string by definition: reading it is not worth a warning.
        add(
          .resource, id, type, "PolicyDocument", targets: [], stringIsExpected: true, of: resource)
      case "AWS::Serverless::Function", "AWS::Serverless::StateMachine":
        samPolicies(of: id, type: type, resource: resource)
      case "AWS::Events::EventBusPolicy":
        eventBusPolicy(id, resource)
      case "AWS::Lambda::Permission":
        lambdaPermission(id, resource)
      default:
        // The resource policies read alike (a bucket's, a key's, a queue's...).
        guard let (property, targetPath) = Self.resourcePolicyProperties[type] else { continue }
        var targets = targetPath.map { referenced(resolver.property($0, of: id)) } ?? [id]
        if type == "AWS::S3::BucketPolicy", targets.isEmpty {
          // A bucket named by its literal or `!Sub` name rather than a reference.
          targets = resolver.property("Bucket", of: id).compactMap(\.string).flatMap {
            resolver.resources(ofType: "AWS::S3::Bucket", named: $0)
          }
        }
        add(.resource, id, type, property, targets: targets, of: resource)
      }
    }
    // Managed policies attached by a role's ManagedPolicyArns after the policy was read.
    for index in sources.indices where sources[index].resourceType == "AWS::IAM::ManagedPolicy" {
      for principal in attachedByRole[sources[index].logicalID] ?? []
      where !sources[index].targets.contains(principal) {
        sources[index].targets.append(principal)
      }
    }
  }

  /// Adds a source, stamping its statements with where they came from.
  private mutating func appendSource(_ source: PolicySource) {
    var source = source
    let origin = PolicyOrigin(logicalID: source.logicalID, path: source.path)
    for index in source.document.statements.indices {
      source.document.statements[index].origin = origin
    }
    sources.append(source)
  }

  private mutating func add(
    _ kind: PolicySource.Kind, _ id: String, _ type: String, _ property: String, targets: [String],
    stringIsExpected: Bool = false, of resource: Resource
  ) {
    guard let value = resource.properties[property] else { return }
    var document = PolicyDocument(parsing: value, resolver: resolver)
    if stringIsExpected { document.problems.removeAll { $0.kind == .embeddedJSON } }
    appendSource(
      PolicySource(
        kind: kind, logicalID: id, resourceType: type, path: property, document: document,
        targets: targets,
        location: value.location))
  }

  private mutating func inlinePolicies(of id: String, type: String, resource: Resource) {
    guard let policies = resource.properties["Policies"] else { return }
    for list in resolver.resolve(policies) {
      guard case .list(let items) = list.shape else { continue }
      for (index, item) in items.enumerated() {
        for policy in resolver.resolve(item) {
          guard let policy = resolver.inherit(list, into: policy), policy.map != nil else {
            continue
          }
          let possibilities = resolver.member("PolicyDocument", of: policy)
          guard possibilities.contains(where: { !$0.isAbsent }) else { continue }
          let location = policy.map?["PolicyDocument"]?.location
          appendSource(
            PolicySource(
              kind: .identity, logicalID: id, resourceType: type,
              path: "Policies.\(index).PolicyDocument",
              document: PolicyDocument(
                parsing: possibilities, resolver: resolver, location: location),
              targets: [id], location: location))
        }
      }
    }
  }

  /// A SAM function's or state machine's `Policies` as the role SAM deploys: inline
  /// documents, policy templates expanded (`SAMPolicyTemplates`), AWS managed policies by name
  /// or ARN; a function also gets AWSLambdaBasicExecutionRole, as SAM attaches it. A resource
  /// that names its `Role` uses that role, and its `Policies` are ignored, as SAM does.
  private mutating func samPolicies(of id: String, type: String, resource: Resource) {
    guard resource.properties["Role"] == nil else { return }
    if type == "AWS::Serverless::Function" {
      managedPolicyArns[id, default: []].append(
        Resolved(
          .string(Self.awsManagedPolicyARN("AWSLambdaBasicExecutionRole")),
          location: resource.typeLocation ?? resource.location))
    }
    guard let policies = resource.properties["Policies"] else { return }
    for possibility in resolver.resolve(policies) {
      guard case .list(let items) = possibility.shape else {
        samPolicy(possibility, of: id, type: type, path: "Policies", at: policies.location)
        continue
      }
      for (index, item) in items.enumerated() {
        for policy in resolver.resolve(item) {
          guard let policy = resolver.inherit(possibility, into: policy) else { continue }
          samPolicy(
            policy, of: id, type: type, path: "Policies.\(index)", at: item.location)
        }
      }
    }
  }

  /// One entry of SAM `Policies`: a managed policy (name or ARN), a document, or a template.
  private mutating func samPolicy(
    _ policy: Resolved, of id: String, type: String, path: String, at location: SourceLocation?
  ) {
    if let name = policy.string {
      let arn =
        name.literal.map { $0.hasPrefix("arn:") ? name : Self.awsManagedPolicyARN($0) } ?? name
      managedPolicyArns[id, default: []].append(
        Resolved(
          .string(arn), assumptions: policy.assumptions, parameters: policy.parameters,
          location: policy.location ?? location))
      return
    }
    guard let map = policy.map else { return }
    if map["Statement"] != nil {
      appendSource(
        PolicySource(
          kind: .identity, logicalID: id, resourceType: type, path: path,
          document: PolicyDocument(parsing: [policy], resolver: resolver, location: location),
          targets: [id], location: location))
      return
    }
    guard map.count == 1, let entry = map.entries.first else { return }
    let written = entry.keyLocation ?? location
    guard
      let expanded = SAMPolicyTemplates.document(
        entry.key, arguments: entry.value, at: written)
    else {
      managedPolicyArns[id, default: []].append(
        Resolved(
          .unknown("the SAM policy template \(entry.key) is not known to Formation"),
          assumptions: policy.assumptions, location: written))
      return
    }
    var document = PolicyDocument(parsing: expanded, resolver: resolver)
    for index in document.statements.indices {
      document.statements[index].assumptions =
        document.statements[index].assumptions.merged(with: policy.assumptions)
        ?? document.statements[index].assumptions
    }
    appendSource(
      PolicySource(
        kind: .identity, logicalID: id, resourceType: type, path: "\(path).\(entry.key)",
        document: document, targets: [id], location: written))
  }

  /// `arn:${AWS::Partition}:iam::aws:policy/NAME`, the ARN SAM gives a managed policy name.
  package static func awsManagedPolicyARN(_ name: String) -> SymbolicString {
    SymbolicString([.text("arn:"), .symbol(.pseudo("AWS::Partition")), .text(":iam::aws:policy/\(name)")])
  }

  /// The principals an `AWS::IAM::Policy`/`ManagedPolicy` names in `Roles`, `Users`, `Groups`.
  private func attachments(of id: String) -> [String] {
    principals(in: resolver.property("Roles.*", of: id), type: "AWS::IAM::Role")
      + principals(in: resolver.property("Users.*", of: id), type: "AWS::IAM::User")
      + principals(in: resolver.property("Groups.*", of: id), type: "AWS::IAM::Group")
  }

  /// Logical ids of principals named by `Ref` or by their literal name.
  private func principals(in possibilities: [Resolved], type: String) -> [String] {
    var result: [String] = []
    for item in possibilities.flatMap({ resolver.elements(of: $0) }) {
      if let target = item.string?.resourceReference?.logicalID,
        resolver.type(of: target) == type
      {
        result.append(target)
      } else if let name = item.literal {
        for id in template.logicalIDs(ofType: type)
        where resolver.physicalName(of: id).literal == name {
          result.append(id)
        }
      }
    }
    var seen: Set<String> = []
    return result.filter { seen.insert($0).inserted }
  }

  private func referenced(_ possibilities: [Resolved]) -> [String] {
    var seen: Set<String> = []
    return possibilities.flatMap { resolver.elements(of: $0) }.compactMap {
      $0.string?.resourceReference?.logicalID
    }
    .filter { seen.insert($0).inserted }
  }

  /// `AWS::Events::EventBusPolicy`: its `Statement` (one statement, as a document), or the legacy
  /// `Action`/`Principal`/`Condition` form as one Allow statement.
  private mutating func eventBusPolicy(_ id: String, _ resource: Resource) {
    let targets = referenced(resolver.property("EventBusName", of: id))
    if let statement = resource.properties["Statement"] {
      let document = PolicyDocument(
        parsing: Value(.map(["Statement": statement]), at: statement.location), resolver: resolver)
      appendSource(
        PolicySource(
          kind: .resource, logicalID: id, resourceType: "AWS::Events::EventBusPolicy",
          path: "Statement",
          document: document, targets: targets, location: statement.location))
      return
    }
    var legacy = OrderedMap<Value>()
    legacy["Effect"] = "Allow"
    if let action = resource.properties["Action"] { legacy["Action"] = action }
    if let principal = resource.properties["Principal"] {
      // A bare account id or "*"; the statement form takes {AWS: id} or "*".
      let isWildcard = principal.stringValue == "*"
      legacy["Principal"] =
        isWildcard ? principal : Value(.map(["AWS": principal]), at: principal.location)
    }
    legacy["Resource"] = "*"
    if let condition = resource.properties["Condition"], let key = condition["Key"],
      let type = condition["Type"]?.stringValue,
      let value = condition["Value"]
    {
      legacy["Condition"] = Value(
        .map([type: Value(.map([key.stringValue ?? "": value]))]), at: condition.location)
    }
    let document = PolicyDocument(
      parsing: Value(
        .map(["Statement": Value(.list([Value(.map(legacy), at: resource.location)]))]),
        at: resource.location),
      resolver: resolver)
    appendSource(
      PolicySource(
        kind: .resource, logicalID: id, resourceType: "AWS::Events::EventBusPolicy", path: "",
        document: document, targets: targets, location: resource.location))
  }

  /// `AWS::Lambda::Permission` as the one-statement resource policy it adds to the function.
  private mutating func lambdaPermission(_ id: String, _ resource: Resource) {
    let location = resource.location
    let properties = Value(.map(resource.properties), at: resource.propertiesLocation ?? location)
    let statements = Statement.lambdaPermission(properties, resolver: resolver, at: location)
    let targets = referenced(resolver.lookup("FunctionName", in: properties))
    appendSource(
      PolicySource(
        kind: .resource, logicalID: id, resourceType: "AWS::Lambda::Permission", path: "",
        document: PolicyDocument(statements: statements, location: location), targets: targets,
        location: location))
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
    self.init(resolver: Resolver(memo.template, memo: memo.value(ResolverMemo.self)))
  }
}
