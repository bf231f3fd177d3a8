import Template

extension Collection where Element == Statement {
  /// Whether these statements allow `action` on `resource` for `principal`, as IAM decides
  /// within one policy set: an applicable unconditional Deny wins, then an applicable Allow;
  /// nothing applicable is the implicit deny.
  ///
  /// - `action` is a concrete action (`s3:DeleteObject`); matching is case-insensitive and
  ///   honours `*`, `?`, `service:*`, `NotAction`.
  /// - `resource` is an ARN, possibly symbolic: pass it through `Resolver.canonical` (or use
  ///   `Resolver.arn(of:)`) so `!GetAtt RawBucket.Arn` in a statement and in the question meet.
  ///   `nil` asks "on some resource". Statements without `Resource` (trust policies) ignore it.
  /// - `principal` is checked against `Principal`/`NotPrincipal`; `nil` skips the check
  ///   (identity policies, or "whoever the policy names").
  ///
  /// When statements or elements sit in `Fn::If` branches, every combination of branches is
  /// evaluated and the most permissive answer is returned, with the branches it needs in
  /// `assumptions` (see `evaluateEachBranch` for all of them).
  public func evaluate(
    action: String, resource: SymbolicString? = nil, principal: PrincipalQuery? = nil
  ) -> Decision {
    let request = AccessRequest(action: action, resource: resource, principal: principal)
    let relevant = filter { request.mayConcern($0) }
    let scenarios = request.scenarios(of: relevant)
    let decisions = scenarios.map { request.decide(relevant, in: $0) }
    return request.summarize(decisions, scenarios: scenarios)
  }

  /// One decision per combination of the `Fn::If` branches the relevant statements depend on,
  /// each with its full branch assignment; a single decision when nothing is conditional.
  public func evaluateEachBranch(
    action: String, resource: SymbolicString? = nil, principal: PrincipalQuery? = nil
  )
    -> [Decision]
  {
    let request = AccessRequest(action: action, resource: resource, principal: principal)
    let relevant = filter { request.mayConcern($0) }
    return request.scenarios(of: relevant).map { request.decide(relevant, in: $0) }
  }

  /// Which of `actions` may be allowed on `resource` (allowed, allowed under conditions, or
  /// undecided), with each decision: "can this role do any of logs:DeleteLogGroup,
  /// logs:DeleteLogStream".
  public func allowedActions(
    _ actions: [String], on resource: SymbolicString? = nil, principal: PrincipalQuery? = nil
  )
    -> [(action: String, decision: Decision)]
  {
    actions.compactMap { action in
      let decision = evaluate(action: action, resource: resource, principal: principal)
      return decision.mayBeAllowed ? (action, decision) : nil
    }
  }
}

extension PolicyDocument {
  /// See `Collection<Statement>.evaluate(action:resource:principal:)`.
  public func evaluate(
    action: String, resource: SymbolicString? = nil, principal: PrincipalQuery? = nil
  ) -> Decision {
    statements.evaluate(action: action, resource: resource, principal: principal)
  }

  /// See `Collection<Statement>.evaluateEachBranch(action:resource:principal:)`.
  public func evaluateEachBranch(
    action: String, resource: SymbolicString? = nil, principal: PrincipalQuery? = nil
  )
    -> [Decision]
  {
    statements.evaluateEachBranch(action: action, resource: resource, principal: principal)
  }

  /// See `Collection<Statement>.allowedActions(_:on:principal:)`.
  public func allowedActions(
    _ actions: [String], on resource: SymbolicString? = nil, principal: PrincipalQuery? = nil
  )
    -> [(action: String, decision: Decision)]
  {
    statements.allowedActions(actions, on: resource, principal: principal)
  }
}

extension Statement {
  /// Whether this statement applies to a request, ignoring its `Condition` and branches:
  /// action, resource and principal all match.
  public func applies(
    action: String, resource: SymbolicString? = nil, principal: PrincipalQuery? = nil
  ) -> Match {
    AccessRequest(action: action, resource: resource, principal: principal).applicability(
      self, in: nil) ?? .no
  }
}

/// One question to the evaluator, and the steps of answering it.
package struct AccessRequest {
  package let action: String
  package let resource: SymbolicString
  package let principal: PrincipalQuery?
  /// `resource` compiled once for every statement, as itself and for `NotResource` coverage.
  package let subject: Glob.Subject
  package let coveringSubject: Glob.Subject

  /// Beyond this many independent conditions, branches are not enumerated: every element counts.
  package static let maximumConditions = 8

  package init(action: String, resource: SymbolicString?, principal: PrincipalQuery?) {
    self.action = action
    let resource = resource ?? SymbolicString([.any])
    self.resource = resource
    self.principal = principal
    self.subject = Glob.Subject(resource, ignoringCase: false)
    self.coveringSubject = Glob.Subject(resource, ignoringCase: false, covering: true)
  }

  /// Cheap pre-filter: the statement names the action in some branch (or cannot say).
  package func mayConcern(_ statement: Statement) -> Bool {
    if statement.actions.isNegated { return true }
    return statement.actions.elements.contains { !$0.content.matches(action).isNo }
  }

  /// Every assignment of the conditions the statements depend on; `[nil]` when there are none
  /// (or too many to enumerate, in which case every element counts in one scenario).
  package func scenarios(of statements: [Statement]) -> [Assumptions?] {
    var names: [String] = []
    func note(_ assumptions: Assumptions) {
      for name in assumptions.conditions where !names.contains(name) { names.append(name) }
    }
    for statement in statements {
      note(statement.assumptions)
      statement.actions.elements.forEach { note($0.assumptions) }
      statement.resources?.elements.forEach { note($0.assumptions) }
      statement.principals?.elements.forEach { note($0.assumptions) }
    }
    guard !names.isEmpty, names.count <= Self.maximumConditions else { return [nil] }
    return (0..<(1 << names.count)).map { bits in
      Assumptions(names.enumerated().map { BranchAssumption($1, holds: bits & (1 << $0) == 0) })
    }
  }

  /// Whether `statement` applies in `scenario`; `nil` when the statement is not in that scenario.
  package func applicability(_ statement: Statement, in scenario: Assumptions?) -> Match? {
    if let scenario, !statement.assumptions.holds(in: scenario) { return nil }
    let actionMatch = Self.match(statement.actions, in: scenario) { $0.matches(action) }
    if actionMatch.isNo { return .no }
    var result = actionMatch
    if let resources = statement.resources {
      let subject = self.subject
      let coveringSubject = self.coveringSubject
      result = result.and(
        Self.match(resources, in: scenario) {
          Glob.match($0.compiled, resources.isNegated ? coveringSubject : subject)
        })
      if result.isNo { return .no }
    }
    if let principal, let principals = statement.principals {
      result = result.and(Self.match(principals, in: scenario) { $0.matches(principal) })
    }
    return result
  }

  package static func match<Content>(
    _ list: ElementList<Content>, in scenario: Assumptions?, _ test: (Content) -> Match
  )
    -> Match
  {
    var best = Match.no
    for element in list.elements {
      if let scenario, !element.assumptions.holds(in: scenario) { continue }
      best = best.or(test(element.content))
      if best.isYes { break }
    }
    return list.isNegated ? best.negated : best
  }

  package func decide(_ statements: [Statement], in scenario: Assumptions?) -> Decision {
    var allow: [Statement] = []
    var allowConditional: [Statement] = []
    var allowMaybe: [(Statement, String)] = []
    var deny: [Statement] = []
    var denyConditional: [Statement] = []
    var denyMaybe: [(Statement, String)] = []
    for statement in statements {
      guard let match = applicability(statement, in: scenario) else { continue }
      switch (statement.effect, match) {
      case (_, .no): continue
      case (.allow, .yes):
        if statement.isConditional {
          allowConditional.append(statement)
        } else {
          allow.append(statement)
        }
      case (.deny, .yes):
        if statement.isConditional {
          denyConditional.append(statement)
        } else {
          deny.append(statement)
        }
      case (.allow, .maybe(let reason)): allowMaybe.append((statement, reason))
      case (.deny, .maybe(let reason)): denyMaybe.append((statement, reason))
      }
    }
    let assumptions = scenario ?? .always
    if !deny.isEmpty {
      return Decision(outcome: .explicitlyDenied, deniedBy: deny, assumptions: assumptions)
    }
    let denyConditions = denyConditional.flatMap(\.conditions)
    let maybeDenied = denyMaybe.map { "\($0.0.label) may deny it: \($0.1)" }
    if !allow.isEmpty {
      if !denyMaybe.isEmpty {
        return Decision(
          outcome: .unknown, allowedBy: allow, deniedBy: denyMaybe.map(\.0),
          unknownReasons: maybeDenied,
          assumptions: assumptions)
      }
      if !denyConditional.isEmpty {
        return Decision(
          outcome: .conditionallyAllowed, allowedBy: allow, deniedBy: denyConditional,
          denyConditions: denyConditions,
          assumptions: assumptions)
      }
      return Decision(outcome: .allowed, allowedBy: allow, assumptions: assumptions)
    }
    if !allowConditional.isEmpty {
      return Decision(
        outcome: .conditionallyAllowed, allowedBy: allowConditional,
        deniedBy: denyConditional + denyMaybe.map(\.0),
        conditions: allowConditional.flatMap(\.conditions), denyConditions: denyConditions,
        unknownReasons: maybeDenied, assumptions: assumptions)
    }
    if !allowMaybe.isEmpty {
      return Decision(
        outcome: .unknown, allowedBy: allowMaybe.map(\.0), deniedBy: denyMaybe.map(\.0),
        conditions: allowMaybe.flatMap(\.0.conditions),
        unknownReasons: allowMaybe.map { "\($0.0.label) may allow it: \($0.1)" } + maybeDenied,
        assumptions: assumptions)
    }
    return Decision(outcome: .notAllowed, assumptions: assumptions)
  }

  /// The most permissive decision, with only the branches it actually needs.
  package func summarize(_ decisions: [Decision], scenarios: [Assumptions?]) -> Decision {
    guard var best = decisions.max(by: { $0.outcome < $1.outcome }) else {
      return Decision(outcome: .notAllowed)
    }
    let winning = Set(
      decisions.enumerated().filter { $0.element.outcome == best.outcome }.map(\.offset))
    if winning.count == decisions.count {
      best.assumptions = .always
      return best
    }
    guard let first = winning.min(), let scenario = scenarios[first] else { return best }
    // A condition matters when flipping it in some winning scenario leaves the winning set.
    let assignments = scenarios.map { $0 ?? .always }
    var needed: [BranchAssumption] = []
    for branch in scenario.branches {
      let matters = winning.contains { index in
        var flipped = Assumptions(
          assignments[index].branches.filter { $0.condition != branch.condition })
        flipped.insert(
          BranchAssumption(
            branch.condition, holds: !(assignments[index].value(of: branch.condition) ?? true)))
        guard let other = assignments.firstIndex(of: flipped) else { return false }
        return !winning.contains(other)
      }
      if matters { needed.append(branch) }
    }
    best = decisions[first]
    best.assumptions = Assumptions(needed)
    return best
  }
}
