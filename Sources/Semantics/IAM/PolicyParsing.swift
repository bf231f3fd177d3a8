import Template

extension PolicyDocument {
  /// Reads a policy document from a template value, resolving intrinsics with `resolver`.
  ///
  /// Every `Fn::If` branch is kept: a statement, or an element, inside a branch carries that
  /// branch in its `assumptions`. Shapes IAM accepts all work (Statement as a mapping or a
  /// list, Action/Resource/Principal values as a string or a list); anything else is a
  /// `PolicyProblem` with the location of the offending value.
  ///
  /// With `spellingOutNames` false, resources and principals are left as written: their
  /// `canonical` form is the written one until `spelledOut(by:)`.
  public init(parsing value: Value, resolver: Resolver, spellingOutNames: Bool = true) {
    self.init(
      parsing: resolver.resolve(value), resolver: resolver, spellingOutNames: spellingOutNames,
      location: value.location)
  }

  /// Reads a policy document from its possible values (already resolved, e.g. by `Resolver.lookup`).
  public init(
    parsing possibilities: [Resolved], resolver: Resolver, spellingOutNames: Bool = true,
    location: SourceLocation? = nil
  ) {
    var reader = PolicyReader(resolver: resolver, spellingOutNames: spellingOutNames)
    for possibility in possibilities { reader.document(possibility) }
    self.init(
      version: reader.versions.first?.literal, statements: reader.statements,
      problems: reader.problems,
      location: location ?? possibilities.first?.location)
    versions = reader.versions
  }
}

/// The parsing state of one document: statements and problems found so far.
package struct PolicyReader {
  package let resolver: Resolver
  /// Whether resources and principals are spelled out as they are read (see `Resolver.canonical`).
  package let spellingOutNames: Bool
  /// Every possibility of `Version` read so far (see `PolicyDocument.versions`).
  package var versions: [Resolved] = []
  package var statements: [Statement] = []
  package var problems: [PolicyProblem] = []

  package init(resolver: Resolver, spellingOutNames: Bool = true) {
    self.resolver = resolver
    self.spellingOutNames = spellingOutNames
  }

  package mutating func problem(
    _ message: String, _ at: Resolved, kind: PolicyProblem.Kind = .malformed
  ) {
    problems.append(
      PolicyProblem(message, at: at.location, kind: kind, assumptions: at.assumptions))
  }

  package mutating func document(_ possibility: Resolved) {
    switch possibility.shape {
    case .absent:
      return
    case .unknown(let reason):
      problem("the policy document cannot be read: \(reason)", possibility, kind: .unknown)
    case .string(let string):
      guard let text = string.literal,
        let parsed = try? Value.parse(
          Array(text.utf8), file: possibility.location?.file ?? "<policy>", format: .json),
        parsed.mapValue != nil
      else {
        problem(
          "the policy document is a string that is not a JSON object Formation can read; write it as a mapping (YAML or JSON object) so it can be checked",
          possibility)
        return
      }
      problem(
        "the policy document is a JSON string; it is checked, but findings inside it can only point at the string: write it as a mapping",
        possibility, kind: .embeddedJSON)
      var inner = possibility
      inner.shape = .map(Self.relocated(parsed, to: possibility.location).mapValue ?? [:])
      document(inner)
    case .map:
      versions += resolver.member("Version", of: possibility).filter { !$0.isAbsent }
      for statement in resolver.member("Statement", of: possibility) {
        statementBlock(statement)
      }
    default:
      problem(
        "the policy document is \(resolver.describe(possibility.shape)); expected a mapping with Version and Statement",
        possibility)
    }
  }

  /// The value with every location (keys included) set to `location`: a document read from a
  /// JSON string has positions inside the string, which mean nothing in the template file.
  package static func relocated(_ value: Value, to location: SourceLocation?) -> Value {
    switch value.kind {
    case .list(let list):
      return Value(.list(list.map { relocated($0, to: location) }), at: location)
    case .map(let map):
      return Value(
        .map(
          OrderedMap(
            map.entries.map {
              OrderedMap<Value>.Entry(
                key: $0.key, keyLocation: location, value: relocated($0.value, to: location))
            })), at: location)
    default: return Value(value.kind, at: location)
    }
  }

  package mutating func statementBlock(_ block: Resolved) {
    switch block.shape {
    case .absent:
      problem("the policy document has no Statement", block)
    case .unknown(let reason):
      problem("the policy statements cannot be read: \(reason)", block, kind: .unknown)
    case .map:
      statement(block, index: 0)
    case .list(let list):
      for (index, element) in list.enumerated() {
        for item in resolver.resolve(element) {
          guard let item = resolver.inherit(block, into: item) else { continue }
          switch item.shape {
          case .absent: continue
          case .map: statement(item, index: index)
          case .unknown(let reason):
            problem("statement \(index + 1) cannot be read: \(reason)", item, kind: .unknown)
          default:
            problem(
              "statement \(index + 1) is \(resolver.describe(item.shape)); expected a mapping", item
            )
          }
        }
      }
    default:
      problem(
        "Statement is \(resolver.describe(block.shape)); expected a mapping or a list of mappings",
        block)
    }
  }

  /// The keys a statement may have.
  package static let statementKeys: Set<String> = [
    "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal",
    "Condition",
  ]

  /// A statement's entries by key, gathered in one pass over the mapping.
  package struct StatementEntries {
    package var sid, effect, action, notAction, resource, notResource, principal, notPrincipal,
      condition: OrderedMap<Value>.Entry?
  }

  package mutating func statement(_ statement: Resolved, index: Int) {
    guard case .map(let map) = statement.shape else { return }
    var found = StatementEntries()
    // By position: a loop variable would copy each entry once more.
    let entries = map.entries
    for position in entries.indices {
      switch entries[position].key {
      case "Sid": found.sid = entries[position]
      case "Effect": found.effect = entries[position]
      case "Action": found.action = entries[position]
      case "NotAction": found.notAction = entries[position]
      case "Resource": found.resource = entries[position]
      case "NotResource": found.notResource = entries[position]
      case "Principal": found.principal = entries[position]
      case "NotPrincipal": found.notPrincipal = entries[position]
      case "Condition": found.condition = entries[position]
      default:
        problems.append(
          PolicyProblem(
            "statement \(index + 1) has an unknown key \(entries[position].key)",
            at: entries[position].keyLocation ?? entries[position].value.location,
            assumptions: statement.assumptions))
      }
    }
    let sid = found.sid.flatMap { possibilities($0.value, in: statement).first?.literal }
    let actions = elements(
      found.action, found.notAction, of: statement, index: index, keys: ("Action", "NotAction"),
      required: true, make: { ActionPattern($0) })
    let (resolver, spellingOutNames) = (self.resolver, self.spellingOutNames)
    let resources = elements(
      found.resource, found.notResource, of: statement, index: index,
      keys: ("Resource", "NotResource"),
      required: false,
      make: {
        let written = $0.importsAsSymbols
        return spellingOutNames
          ? ResourcePattern(written: written, canonical: resolver.canonical(written))
          : ResourcePattern(asWritten: written)
      })
    let principals = principalElements(
      found.principal, found.notPrincipal, of: statement, index: index)
    let conditions = found.condition.map { conditionClauses($0, of: statement, index: index) } ?? []

    guard let effectEntry = found.effect else {
      problem("statement \(index + 1) has no Effect", statement)
      return
    }
    for effect in possibilities(effectEntry.value, in: statement) {
      switch effect.shape {
      case .absent:
        problem("statement \(index + 1) has no Effect", statement)
        continue
      case .unknown(let reason):
        problem(
          "the Effect of statement \(index + 1) cannot be read: \(reason)", effect, kind: .unknown)
        continue
      default: break
      }
      guard let text = effect.literal, let value = Effect(rawValue: text) else {
        problem(
          "the Effect of statement \(index + 1) is \(effect.string?.description ?? resolver.describe(effect.shape)); expected Allow or Deny",
          effect)
        continue
      }
      statements.append(
        Statement(
          index: index, sid: sid, effect: value, actions: actions ?? ElementList(elements: []),
          resources: resources, principals: principals, conditions: conditions,
          assumptions: effect.assumptions, location: statement.location))
    }
  }

  /// The possible values of a member of `container`, with the container's branches.
  package func possibilities(_ value: Value, in container: Resolved) -> [Resolved] {
    resolver.inheriting(container, resolver.resolve(value))
  }

  /// The one of a pair (`Action`/`NotAction`) the statement sets; setting both is a problem,
  /// and the plain one is read.
  package mutating func either(
    _ plain: OrderedMap<Value>.Entry?, _ negated: OrderedMap<Value>.Entry?, of statement: Resolved,
    index: Int, keys: (String, String)
  ) -> OrderedMap<Value>.Entry? {
    if plain != nil, negated != nil {
      problems.append(
        PolicyProblem(
          "statement \(index + 1) has both \(keys.0) and \(keys.1)", at: negated?.keyLocation,
          assumptions: statement.assumptions))
    }
    return plain ?? negated
  }

  /// Reads `Action`/`NotAction` (or the resource pair): exactly one of the two may be present.
  package mutating func elements<Content>(
    _ plain: OrderedMap<Value>.Entry?, _ negated: OrderedMap<Value>.Entry?, of statement: Resolved,
    index: Int, keys: (String, String), required: Bool, make: (SymbolicString) -> Content
  ) -> ElementList<Content>? {
    guard let entry = either(plain, negated, of: statement, index: index, keys: keys) else {
      if required {
        problem("statement \(index + 1) has neither \(keys.0) nor \(keys.1)", statement)
      }
      return nil
    }
    var list = ElementList<Content>(
      isNegated: plain == nil, elements: [], location: entry.keyLocation)
    for item in strings(
      possibilities(entry.value, in: statement), what: "\(entry.key) of statement \(index + 1)")
    {
      list.elements.append(
        PolicyElement(
          make(item.text), assumptions: item.assumptions, parameters: item.parameters,
          location: item.location))
    }
    return list
  }

  /// Flattens possibilities of "a string or a list of strings" into strings; unknown values
  /// become unknown strings so matching answers maybe; other shapes are problems.
  package mutating func strings(_ possibilities: [Resolved], what: @autoclosure () -> String) -> [(
    text: SymbolicString, assumptions: Assumptions, parameters: [String], location: SourceLocation?
  )] {
    // Declared with the labels it returns: an unlabelled list would be converted element by
    // element on return.
    var result:
      [(
        text: SymbolicString, assumptions: Assumptions, parameters: [String],
        location: SourceLocation?
      )] = []
    func add(_ item: Resolved) {
      let item = resolver.stringified(item)
      switch item.shape {
      case .absent: return
      case .string(let string):
        result.append((string, item.assumptions, item.parameters, item.location))
      case .unknown(let reason):
        result.append(
          (SymbolicString([.unknown(reason)]), item.assumptions, item.parameters, item.location))
      default:
        problem(
          "\(what()) is \(resolver.describe(item.shape)); expected a string or a list of strings",
          item)
      }
    }
    for possibility in possibilities {
      // The common shape, a list under no branch: a literal element is taken as it is (what
      // `elements(of:)` would make of it), anything else is resolved as `elements(of:)` does.
      guard case .list(let list) = possibility.shape, possibility.assumptions.isEmpty,
        possibility.parameters.isEmpty
      else {
        for item in resolver.elements(of: possibility) { add(item) }
        continue
      }
      result.reserveCapacity(result.count + list.count)
      for element in list {
        if case .string(let text) = element.kind {
          result.append(
            (SymbolicString(text), .always, [], element.location ?? possibility.location))
          continue
        }
        for item in resolver.resolve(element) where !item.isAbsent {
          if let item = resolver.inherit(possibility, into: item) { add(item) }
        }
      }
    }
    return result
  }

  package mutating func principalElements(
    _ plain: OrderedMap<Value>.Entry?, _ negated: OrderedMap<Value>.Entry?, of statement: Resolved,
    index: Int
  ) -> ElementList<PrincipalEntry>? {
    guard
      let entry = either(
        plain, negated, of: statement, index: index, keys: ("Principal", "NotPrincipal"))
    else { return nil }
    var list = ElementList<PrincipalEntry>(
      isNegated: plain == nil, elements: [], location: entry.keyLocation)
    // Spelled out only for a message: most principals are read without one.
    func what() -> String { "\(entry.key) of statement \(index + 1)" }
    for possibility in possibilities(entry.value, in: statement) {
      switch possibility.shape {
      case .absent: continue
      case .string(let string):
        if string.literal == "*" {
          list.elements.append(
            PolicyElement(
              PrincipalEntry(kind: .everyone, value: "*"), assumptions: possibility.assumptions,
              parameters: possibility.parameters, location: possibility.location))
        } else {
          problem(
            "\(what()) is the string \(string); only \"*\" may be written without AWS, Service or Federated",
            possibility)
        }
      case .map(let principals):
        for principal in principals.entries {
          guard let kind = PrincipalEntry.Kind(rawValue: principal.key), kind != .everyone else {
            problems.append(
              PolicyProblem(
                "\(what()) has an unknown principal type \(principal.key); expected AWS, Service, Federated or CanonicalUser",
                at: principal.keyLocation, assumptions: possibility.assumptions))
            continue
          }
          // The entry's own value: what `member(principal.key, of:)` would look up again.
          for item in strings(
            possibilities(principal.value, in: possibility), what: "\(what()).\(principal.key)")
          {
            list.elements.append(
              PolicyElement(
                PrincipalEntry(
                  kind: kind, value: item.text.importsAsSymbols,
                  canonical: spellingOutNames ? resolver.canonical(item.text.importsAsSymbols) : nil
                ),
                assumptions: item.assumptions, parameters: item.parameters, location: item.location)
            )
          }
        }
      case .unknown(let reason):
        list.elements.append(
          PolicyElement(
            PrincipalEntry(kind: .aws, value: SymbolicString([.unknown(reason)])),
            assumptions: possibility.assumptions,
            parameters: possibility.parameters, location: possibility.location))
      default:
        problem(
          "\(what()) is \(resolver.describe(possibility.shape)); expected \"*\" or a mapping",
          possibility)
      }
    }
    return list
  }

  package mutating func conditionClauses(
    _ entry: OrderedMap<Value>.Entry, of statement: Resolved, index: Int
  )
    -> [ConditionClause]
  {
    var clauses: [ConditionClause] = []
    for block in possibilities(entry.value, in: statement) {
      switch block.shape {
      case .absent: continue
      case .map(let operators):
        for operation in operators.entries {
          let tests = possibilities(operation.value, in: block)
          for test in tests {
            guard let keys = test.map else {
              if !test.isAbsent {
                problem(
                  "the condition \(operation.key) of statement \(index + 1) is not a mapping of keys to values",
                  test)
              }
              continue
            }
            for key in keys.entries {
              let values = strings(
                possibilities(key.value, in: test), what: "condition \(operation.key) \(key.key)"
              ).map(\.text)
              clauses.append(
                ConditionClause(
                  operator: operation.key, key: key.key, values: values,
                  location: key.keyLocation ?? test.location))
            }
          }
        }
      case .unknown(let reason):
        clauses.append(
          ConditionClause(
            operator: "?", key: "?", values: [SymbolicString([.unknown(reason)])],
            location: block.location))
      default:
        problem(
          "the Condition of statement \(index + 1) is \(resolver.describe(block.shape)); expected a mapping",
          block)
      }
    }
    return clauses
  }
}
