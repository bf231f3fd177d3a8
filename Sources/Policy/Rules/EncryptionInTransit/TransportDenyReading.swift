import Semantics
import Template

/// Looks for the deny statement that makes a resource policy refuse some transport.
///
/// The statement must be a Deny for every principal, cover every action of the service
/// (`s3:*`, `sns:*`, `*`) and test the condition `requirement` describes. A deny that exists
/// only in one branch of an `Fn::If` is reported for the other branch.
///
/// A policy the template does not spell out (an `AWS::Include` snippet, an imported statement,
/// a condition value from a parameter without a default) may hold the deny: it gives only the
/// `unknown` finding that says why, never also the "has no Deny" failure.
struct TransportDenyReading {
  /// One condition test that makes a Deny refuse the unwanted transport.
  struct Requirement {
    var operators: Set<String>
    var key: String
    var value: String
    /// `aws:SecureTransport is false`, for messages.
    var summary: String

    static let secureTransport = Requirement(
      operators: ["bool", "boolifexists"], key: "aws:securetransport", value: "false",
      summary: "requests without TLS (Bool aws:SecureTransport false)")
    static let tls12 = Requirement(
      operators: ["numericlessthan", "numericlessthanifexists"], key: "s3:tlsversion", value: "1.2",
      summary: "TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)")

    func isMet(by clause: ConditionClause) -> Bool {
      operators.contains(clause.operator.lowercased()) && clause.key.lowercased() == key
        && clause.values.contains { $0.literal?.lowercased() == value }
    }

    /// Whether `clause` meets the requirement: `.maybe` when a value (or the whole
    /// `Condition` block) is only known at deploy time.
    func match(_ clause: ConditionClause) -> Match {
      if isMet(by: clause) { return .yes }
      if clause.operator == "?", let reason = clause.values.first?.unknownReasons.first {
        return .maybe("has a Condition that cannot be read: \(reason)")
      }
      guard operators.contains(clause.operator.lowercased()), clause.key.lowercased() == key,
        let reason = clause.values.lazy.flatMap(\.unknownReasons).first
      else { return .no }
      return .maybe("has a \(clause.operator) \(clause.key) value that cannot be read: \(reason)")
    }
  }

  let context: RuleContext
  /// The policy resource type (`AWS::S3::BucketPolicy`) and the property naming its targets.
  let policyType: String
  /// `s3:*`: the actions the deny must cover.
  let allActions: String
  /// Each protected resource's policies, parsed once per run (a template may hold thousands).
  private let policiesByTarget:
    [String: [(id: String, resource: Resource, document: PolicyDocument?)]]

  /// `namedType`: the type of the protected resources, when the policy may name them by
  /// their physical name rather than a reference (a bucket policy's `Bucket`).
  init(
    context: RuleContext, policyType: String, targetProperty: String, allActions: String,
    namedType: String? = nil
  ) {
    self.context = context
    self.policyType = policyType
    self.allActions = allActions
    var index: [String: [(id: String, resource: Resource, document: PolicyDocument?)]] = [:]
    let resolver = context.resolver
    for (policyID, policy) in context.resources(ofType: policyType) {
      let document = policy.properties["PolicyDocument"].map {
        PolicyDocument(parsing: $0, resolver: resolver)
      }
      for target in Set(context.targets(policy.properties[targetProperty], namedType: namedType)) {
        index[target, default: []].append((policyID, policy, document))
      }
    }
    policiesByTarget = index
  }

  /// The findings for one protected resource.
  func findings(for logicalID: String, kind: String, requirement: Requirement) -> [Finding] {
    let policies = policiesByTarget[logicalID] ?? []
    guard !policies.isEmpty else {
      return [
        context.finding(
          "\(kind) has no \(policyType) denying \(requirement.summary)", logicalID: logicalID,
          at: context.location(of: logicalID))
      ]
    }
    var findings: [Finding] = []
    var covered = false
    var partial: [(String, Statement)] = []
    var undecided: [Finding] = []
    for (policyID, _, document) in policies {
      guard let document else { continue }
      for problem in document.problems where problem.kind == .unknown {
        findings.append(
          context.finding(
            "cannot tell whether \(kind) \(logicalID) denies \(requirement.summary): \(problem.message)",
            logicalID: policyID, at: problem.location, path: "Properties.PolicyDocument",
            severity: .unknown))
      }
      for statement in document.statements {
        switch qualification(of: statement, requirement: requirement) {
        case .no: continue
        case .maybe(let reason):
          undecided.append(
            context.finding(
              "cannot tell whether \(kind) \(logicalID) denies \(requirement.summary): \(statement.label) \(reason)",
              logicalID: policyID, at: statement.location, path: "Properties.PolicyDocument",
              severity: .unknown))
        case .yes:
          if statement.assumptions.isEmpty {
            covered = true
          } else {
            partial.append((policyID, statement))
          }
        }
      }
    }
    if covered { return findings }
    // What the template does not spell out may be the deny: say so, and claim nothing more.
    findings += undecided
    if !findings.isEmpty { return findings }
    if let (policyID, statement) = partial.first {
      findings.append(
        context.finding(
          "\(kind) \(logicalID) denies \(requirement.summary) only \(statement.assumptions)",
          logicalID: policyID,
          at: statement.location, path: "Properties.PolicyDocument"))
      return findings
    }
    let (policyID, policy, _) = policies[0]
    findings.append(
      context.finding(
        "policy for \(kind) \(logicalID) has no Deny for every principal and \(allActions) on \(requirement.summary)",
        logicalID: policyID, at: policy.properties["PolicyDocument"]?.location,
        path: "Properties.PolicyDocument"))
    return findings
  }

  /// Whether the statement is the deny `requirement` asks for: `.maybe` with the reason when a
  /// principal, an action or the condition is only known at deploy time.
  private func qualification(of statement: Statement, requirement: Requirement) -> Match {
    guard statement.effect == .deny, let principals = statement.principals, !principals.isNegated,
      !statement.actions.isNegated
    else { return .no }
    let everyone = principals.elements.reduce(Match.no) { answer, element in
      if element.content.isWildcard { return .yes }
      guard let reason = element.content.value.unknownReasons.first else { return answer }
      return answer.or(.maybe("has a principal that cannot be read: \(reason)"))
    }
    let everyAction = statement.actions.elements.reduce(Match.no) { answer, element in
      switch element.content.matches(allActions) {
      case .yes: return .yes
      case .no: return answer
      case .maybe(let reason):
        return answer.or(.maybe("has an action that cannot be read: \(reason)"))
      }
    }
    let condition = statement.conditions.reduce(Match.no) { $0.or(requirement.match($1)) }
    return everyone.and(everyAction).and(condition)
  }
}

extension RuleContext {
  /// The resources a value (one value or a list, any branch) mentions: `!Ref Bucket`,
  /// `[!Ref TopicA, !Ref TopicB]`, `!Sub "${Queue.Arn}"`; with `namedType`, also the
  /// resources of that type whose physical name the value spells (`Bucket: my-logs`).
  func targets(_ value: Value?, namedType: String? = nil) -> [String] {
    guard let value else { return [] }
    let resolved = resolver.resolve(value)
    let direct = resolved.flatMap { $0.string?.referencedResources ?? [] }
    let listed = Reading(resolver: resolver, possibilities: resolved).items().possibilities.flatMap
    {
      $0.string?.referencedResources ?? []
    }
    guard let namedType, direct.isEmpty, listed.isEmpty else { return direct + listed }
    return resolved.flatMap { possibility -> [String] in
      guard let string = possibility.string else { return [] }
      return resolver.resources(ofType: namedType, named: string)
    }
  }
}
