import Template

extension PolicyIndex {
  /// Service principals whose roles run Batch work.
  public static let batchServices = ["batch.amazonaws.com", "ecs-tasks.amazonaws.com"]

  /// The roles that run Batch work, each with why it counts, in template order:
  /// - assumable by `batch.amazonaws.com`;
  /// - assumable by `ecs-tasks.amazonaws.com` when the template declares Batch resources;
  /// - the `InstanceRole` (through its instance profile) or `ServiceRole` of a compute environment;
  /// - a job definition's `JobRoleArn`/`ExecutionRoleArn`/`TaskRoleArn`, in any of its property layouts.
  public func batchRoles() -> [(role: String, reason: String)] {
    memo.batchRoles { classifyBatchRoles() }
  }

  /// `batchRoles()` worked out; several rules ask, so the shared index keeps the answer.
  private func classifyBatchRoles() -> [(role: String, reason: String)] {
    var reasons: [String: String] = [:]
    func note(_ role: String, _ reason: String) {
      if reasons[role] == nil { reasons[role] = reason }
    }
    let hasBatch = template.resources.entries.contains {
      $0.value.type?.hasPrefix("AWS::Batch::") ?? false
    }
    for role in roles {
      if isAssumable(role, by: "batch.amazonaws.com") {
        note(role, "assumable by batch.amazonaws.com")
      } else if hasBatch, isAssumable(role, by: "ecs-tasks.amazonaws.com") {
        note(role, "assumable by ecs-tasks.amazonaws.com in a template with Batch resources")
      }
    }
    for id in template.logicalIDs(ofTypes: [
      "AWS::Batch::ComputeEnvironment", "AWS::Batch::JobDefinition",
    ]) {
      switch resolver.type(of: id) {
      case "AWS::Batch::ComputeEnvironment":
        for role in rolesNamed(
          by: resolver.property("ComputeResources.InstanceRole", of: id))
        {
          note(role, "instance role of compute environment \(id)")
        }
        for role in rolesNamed(by: resolver.property("ServiceRole", of: id)) {
          note(role, "service role of compute environment \(id)")
        }
      case "AWS::Batch::JobDefinition":
        for path in [
          "ContainerProperties.JobRoleArn", "ContainerProperties.ExecutionRoleArn",
          "EcsProperties.TaskProperties.*.TaskRoleArn",
          "EcsProperties.TaskProperties.*.ExecutionRoleArn",
          "NodeProperties.NodeRangeProperties.*.Container.JobRoleArn",
          "NodeProperties.NodeRangeProperties.*.Container.ExecutionRoleArn",
        ] {
          let property = path.split(separator: ".").last.map(String.init) ?? path
          for role in rolesNamed(by: resolver.property(path, of: id)) {
            note(role, "\(property) of job definition \(id)")
          }
        }
      default: continue
      }
    }
    return roles.compactMap { role in reasons[role].map { (role, $0) } }
  }

  /// The execution roles of Lambda functions that an EventBridge rule of the template invokes,
  /// with the rule: the event-driven steps of a pipeline (S3 event, rule, function).
  public func eventDrivenFunctionRoles() -> [(role: String, reason: String)] {
    var reasons: [String: String] = [:]
    for rule in template.logicalIDs(ofType: "AWS::Events::Rule") {
      for target in resolver.property("Targets.*.Arn", of: rule) {
        guard let function = target.string?.resourceReference?.logicalID,
          resolver.type(of: function) == "AWS::Lambda::Function"
        else { continue }
        for role in rolesNamed(by: resolver.property("Role", of: function))
        where reasons[role] == nil {
          reasons[role] = "role of function \(function), invoked by EventBridge rule \(rule)"
        }
      }
    }
    return roles.compactMap { role in reasons[role].map { (role, $0) } }
  }

  /// The roles assumable by `datasync.amazonaws.com`.
  public func dataSyncRoles() -> [String] { roles(assumableBy: "datasync.amazonaws.com") }

  /// The template's roles a value names: `!Ref Role`, `!GetAtt Role.Arn`, an instance profile
  /// (its `Roles`), or a literal name or ARN matching a role's literal `RoleName`.
  public func rolesNamed(by possibilities: [Resolved]) -> [String] {
    var result: [String] = []
    for item in possibilities.flatMap({ resolver.elements(of: $0) }) where !item.isAbsent {
      guard let string = item.string else { continue }
      if let target = string.resourceReference?.logicalID, let type = resolver.type(of: target) {
        if type == "AWS::IAM::Role" {
          result.append(target)
        } else if type == "AWS::IAM::InstanceProfile" {
          result += rolesNamed(by: resolver.property("Roles", of: target))
        }
        continue
      }
      guard let literal = string.literal else { continue }
      let name = literal.split(separator: "/").last.map(String.init) ?? literal
      for role in roles where resolver.physicalName(of: role).literal == name {
        result.append(role)
      }
      for profile in template.logicalIDs(ofType: "AWS::IAM::InstanceProfile")
      where resolver.physicalName(of: profile).literal == name {
        result += rolesNamed(by: resolver.property("Roles", of: profile))
      }
    }
    var seen: Set<String> = []
    return result.filter { seen.insert($0).inserted }
  }

  /// Whether a principal of the template may do `action` on `resource`, by its identity
  /// policies and the resource policies of `protectedBy` together: an explicit Deny in either
  /// wins, else the more permissive answer. Resource-policy statements that name only the
  /// account (`:root`) delegate to IAM and grant nothing by themselves.
  public func evaluate(
    principal: String, action: String, resource: SymbolicString, protectedBy resourceIDs: [String]
  ) -> Decision {
    let identity = evaluate(principal: principal, action: action, resource: resource)
    let arn = arn(of: principal)
    var statements: [Statement] = []
    for id in resourceIDs {
      for source in resourcePolicies(protecting: id) {
        statements += source.document.statements.filter { !$0.namesOnlyAccounts }
      }
    }
    guard !statements.isEmpty else { return identity }
    let resourceSide = statements.evaluate(
      action: action, resource: resolver.canonical(resource), principal: .aws(arn))
    return Decision.combine(identity, resourceSide)
  }
}

extension Statement {
  /// True when every principal the statement names is a whole account (`:root` or an id).
  public var namesOnlyAccounts: Bool {
    guard let principals, !principals.isNegated, !principals.elements.isEmpty else { return false }
    return principals.elements.allSatisfy { $0.content.isAccount }
  }
}

extension Decision {
  /// Identity and resource policy decisions of one request in one account: an explicit Deny in
  /// either wins; otherwise the more permissive of the two.
  public static func combine(_ lhs: Decision, _ rhs: Decision) -> Decision {
    if lhs.outcome == .explicitlyDenied { return lhs }
    if rhs.outcome == .explicitlyDenied { return rhs }
    var best = lhs.outcome >= rhs.outcome ? lhs : rhs
    let other = lhs.outcome >= rhs.outcome ? rhs : lhs
    // A conditional Deny on either side still takes the access away when it holds.
    if best.outcome == .allowed, !other.denyConditions.isEmpty {
      best.outcome = .conditionallyAllowed
      best.denyConditions = other.denyConditions
      best.deniedBy += other.deniedBy
    }
    return best
  }
}
