import Template

/// Every policy document of a template as written, with what it governs: the documents
/// `PolicyIndex` evaluates once it has spelled out the resources they name, and the ones
/// SCH019 judges against the policy grammar.
///
/// Reading a document leaves `!GetAtt Bucket.Arn` as written: spelling it out as an ARN
/// (`Resolver.canonical`) is work only evaluation needs, about a third of reading the
/// documents, so `validate`, which only judges their grammar, does not pay for it.
public struct PolicyDocuments: Sendable {
  public let resolver: Resolver
  public private(set) var sources: [PolicySource] = []
  /// AWS managed policy ARNs attached to each principal, resolved, with where they were written.
  public private(set) var managedPolicyArns: [String: [Resolved]] = [:]

  public init(resolver: Resolver) {
    self.resolver = resolver
    collect()
  }

  public var template: Template { resolver.template }

  /// `arn:${AWS::Partition}:iam::aws:policy/NAME`, the ARN SAM gives a managed policy name.
  package static func awsManagedPolicyARN(_ name: String) -> SymbolicString {
    SymbolicString([
      .text("arn:"), .symbol(.pseudo("AWS::Partition")), .text(":iam::aws:policy/\(name)"),
    ])
  }

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
          targets: resolver.principals(in: resolver.property(key, of: id), type: kind), of: resource
        )
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
        guard let (property, targetPath) = PolicyIndex.resourcePolicyProperties[type] else {
          continue
        }
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
    var document = PolicyDocument(parsing: value, resolver: resolver, spellingOutNames: false)
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
                parsing: possibilities, resolver: resolver, spellingOutNames: false,
                location: location),
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
          document: PolicyDocument(
            parsing: [policy], resolver: resolver, spellingOutNames: false, location: location),
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
    var document = PolicyDocument(parsing: expanded, resolver: resolver, spellingOutNames: false)
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

  /// The principals an `AWS::IAM::Policy`/`ManagedPolicy` names in `Roles`, `Users`, `Groups`.
  private func attachments(of id: String) -> [String] {
    resolver.principals(in: resolver.property("Roles.*", of: id), type: "AWS::IAM::Role")
      + resolver.principals(in: resolver.property("Users.*", of: id), type: "AWS::IAM::User")
      + resolver.principals(in: resolver.property("Groups.*", of: id), type: "AWS::IAM::Group")
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
        parsing: Value(.map(["Statement": statement]), at: statement.location), resolver: resolver,
        spellingOutNames: false)
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
      resolver: resolver, spellingOutNames: false)
    appendSource(
      PolicySource(
        kind: .resource, logicalID: id, resourceType: "AWS::Events::EventBusPolicy", path: "",
        document: document, targets: targets, location: resource.location))
  }

  /// `AWS::Lambda::Permission` as the one-statement resource policy it adds to the function.
  private mutating func lambdaPermission(_ id: String, _ resource: Resource) {
    let location = resource.location
    let properties = resource.propertiesValue
    let statements = Statement.lambdaPermission(properties, resolver: resolver, at: location)
    let targets = referenced(resolver.lookup("FunctionName", in: properties))
    appendSource(
      PolicySource(
        kind: .resource, logicalID: id, resourceType: "AWS::Lambda::Permission", path: "",
        document: PolicyDocument(statements: statements, location: location), targets: targets,
        location: location))
  }
}

extension PolicyDocuments: TemplateDerivation {
  /// The documents the rules of one check share; `PolicyIndex` builds on them.
  public init(deriving memo: TemplateMemo) {
    self.init(resolver: Resolver(memo.template, memo: memo.value(ResolverMemo.self)))
  }
}

extension Resolver {
  /// Logical ids of principals named by `Ref` or by their literal name.
  package func principals(in possibilities: [Resolved], type: String) -> [String] {
    var result: [String] = []
    for item in possibilities.flatMap({ elements(of: $0) }) {
      if let target = item.string?.resourceReference?.logicalID,
        self.type(of: target) == type
      {
        result.append(target)
      } else if let name = item.literal {
        for id in template.logicalIDs(ofType: type)
        where physicalName(of: id).literal == name {
          result.append(id)
        }
      }
    }
    var seen: Set<String> = []
    return result.filter { seen.insert($0).inserted }
  }
}
