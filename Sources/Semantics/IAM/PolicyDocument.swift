import Template

/// An IAM policy document, typed: statements with their actions, resources, principals and
/// conditions, every element located and tagged with the `Fn::If` branches it depends on.
///
/// Built by `PolicyDocument(parsing:resolver:)` from any shape CloudFormation accepts (a
/// single statement or a list, strings or lists everywhere); what cannot be read becomes a
/// located `PolicyProblem`, never a crash and never a silently dropped statement.
public struct PolicyDocument: Sendable, Hashable {
  /// The `Version` a document read from a template names first, when it is literal; what a
  /// document built in code declares.
  public var version: String?
  /// Every possibility of `Version` as written, with its branches and location (none when the
  /// document has no `Version`): what the policy grammar judges.
  public var versions: [Resolved] = []
  public var statements: [Statement]
  /// What could not be read, with locations: a document that is a string, a statement that is
  /// neither a mapping nor a list, a missing Effect...
  public var problems: [PolicyProblem]
  /// Where the document was written.
  public var location: SourceLocation?

  public init(
    version: String? = "2012-10-17", statements: [Statement], problems: [PolicyProblem] = [],
    location: SourceLocation? = nil
  ) {
    self.version = version
    self.statements = statements
    self.problems = problems
    self.location = location
  }
}

extension PolicyDocument {
  /// The document with the resources and principals of every statement spelled out by
  /// `resolver` (see `Resolver.canonical`): the form `PolicyIndex` evaluates.
  public func spelledOut(by resolver: Resolver) -> PolicyDocument {
    var document = self
    for index in document.statements.indices {
      document.statements[index].resources?.elements.spellOut { $0.spelledOut(by: resolver) }
      document.statements[index].principals?.elements.spellOut { $0.spelledOut(by: resolver) }
    }
    return document
  }
}

extension Array {
  /// Replaces each element's content with `spell(content)`.
  fileprivate mutating func spellOut<Content>(_ spell: (Content) -> Content)
  where Element == PolicyElement<Content> {
    for index in indices { self[index].content = spell(self[index].content) }
  }
}

/// `Allow` or `Deny`.
public enum Effect: String, Sendable, Hashable {
  case allow = "Allow"
  case deny = "Deny"
}

/// One statement. `Action`/`NotAction`, `Resource`/`NotResource` and `Principal`/`NotPrincipal`
/// are each one `ElementList` with `isNegated` set for the `Not` form.
public struct Statement: Sendable, Hashable {
  /// The statement's position in the document as written (0-based), for messages and scoping
  /// suppressions to "one statement".
  public var index: Int
  public var sid: String?
  public var effect: Effect
  /// `Action` or `NotAction`; empty when the statement has neither (reported as a problem).
  public var actions: ElementList<ActionPattern>
  /// `Resource` or `NotResource`; `nil` when the statement has neither (trust policies).
  public var resources: ElementList<ResourcePattern>?
  /// `Principal` or `NotPrincipal`; `nil` in identity policies.
  public var principals: ElementList<PrincipalEntry>?
  /// `Condition`, one clause per operator and key, values resolved.
  public var conditions: [ConditionClause]
  /// The branches the statement itself depends on (a statement inside `Fn::If`).
  public var assumptions: Assumptions
  /// Where the statement was written.
  public var location: SourceLocation?
  /// The resource and property the statement was read from, when it came from a template
  /// through `PolicyIndex`; lets a finding about a role name the policy that grants the access.
  public var origin: PolicyOrigin?

  public init(
    index: Int = 0, sid: String? = nil, effect: Effect, actions: ElementList<ActionPattern>,
    resources: ElementList<ResourcePattern>? = nil, principals: ElementList<PrincipalEntry>? = nil,
    conditions: [ConditionClause] = [], assumptions: Assumptions = .always,
    location: SourceLocation? = nil
  ) {
    self.index = index
    self.sid = sid
    self.effect = effect
    self.actions = actions
    self.resources = resources
    self.principals = principals
    self.conditions = conditions
    self.assumptions = assumptions
    self.location = location
  }

  /// True when the statement has a `Condition`: whether it applies depends on the request.
  public var isConditional: Bool { !conditions.isEmpty }

  /// `statement 2 (Sid "ReadRaw")`, for messages.
  public var label: String {
    if let sid, !sid.isEmpty { return "statement \(index + 1) (Sid \(sid))" }
    return "statement \(index + 1)"
  }

  /// The condition keys the statement tests, lower-cased (`aws:sourcearn`).
  public var conditionKeys: Set<String> { Set(conditions.map { $0.key.lowercased() }) }

  /// Whether some condition tests one of `keys` (compared case-insensitively, as IAM does).
  public func hasCondition(onAnyOf keys: [String]) -> Bool {
    let wanted = Set(keys.map { $0.lowercased() })
    return !conditionKeys.isDisjoint(with: wanted)
  }
}

/// Where a statement came from: the resource holding the document and the property path.
public struct PolicyOrigin: Sendable, Hashable {
  public var logicalID: String
  /// `Policies.0.PolicyDocument`, `KeyPolicy`, ...
  public var path: String

  public init(logicalID: String, path: String) {
    self.logicalID = logicalID
    self.path = path
  }
}

/// A list of policy elements and whether it is the `Not` form (`NotAction`...).
public struct ElementList<Content: Sendable & Hashable>: Sendable, Hashable {
  public var isNegated: Bool
  public var elements: [PolicyElement<Content>]
  /// Where the key (`Action:`, `NotResource:`) was written.
  public var location: SourceLocation?

  public init(
    isNegated: Bool = false, elements: [PolicyElement<Content>], location: SourceLocation? = nil
  ) {
    self.isNegated = isNegated
    self.elements = elements
    self.location = location
  }
}

/// One element of a policy (an action, a resource, a principal) with where it was written
/// and the branches it depends on.
public struct PolicyElement<Content: Sendable & Hashable>: Sendable, Hashable {
  public var content: Content
  public var assumptions: Assumptions
  /// Parameters whose defaults the element was resolved with.
  public var parameters: [String]
  public var location: SourceLocation?

  public init(
    _ content: Content, assumptions: Assumptions = .always, parameters: [String] = [],
    location: SourceLocation? = nil
  ) {
    self.content = content
    self.assumptions = assumptions
    self.parameters = parameters
    self.location = location
  }
}

/// An action or action pattern: `s3:GetObject`, `s3:Get*`, `*`.
public struct ActionPattern: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral
{
  /// As written (after resolution); usually literal.
  public var text: SymbolicString

  public init(_ text: SymbolicString) { self.text = text }
  public init(stringLiteral value: String) { self.text = SymbolicString(value) }

  public var literal: String? { text.literal }
  /// The service prefix, lower-cased (`s3`), when literal.
  public var service: String? {
    guard let literal, let colon = literal.firstIndex(of: ":") else { return nil }
    return literal[..<colon].lowercased()
  }
  /// `*` (every action of every service).
  public var isEverything: Bool { literal.map { $0.allSatisfy { $0 == "*" } } ?? false }
  /// `service:*`.
  public var isWholeService: Bool {
    guard let literal, let colon = literal.firstIndex(of: ":") else { return false }
    return literal[literal.index(after: colon)...].allSatisfy { $0 == "*" }
      && literal[..<colon] != "*"
  }
  /// Whether the pattern matches an action (case-insensitively, as IAM does).
  public func matches(_ action: String) -> Match {
    Glob.match(text, SymbolicString(action), ignoringCase: true)
  }
  /// Whether every action this pattern matches is also matched by `other`: `s3:*` covers `s3:Get*`.
  public func isCovered(by other: String) -> Bool {
    guard let literal else { return false }
    return Glob.match(other.lowercased(), literal.lowercased())
  }
  public var description: String { text.description }
}

/// A resource pattern as written and as the evaluator matches it (resource symbols spelled
/// out as ARNs, see `Resolver.canonical`).
public struct ResourcePattern: Sendable, Hashable, CustomStringConvertible {
  public let written: SymbolicString
  public let canonical: SymbolicString
  /// `canonical` compiled for matching, once; `nil` for a pattern read as written, which
  /// nothing matches against before it is spelled out.
  private let compiledOnce: Glob.Compiled?

  public init(written: SymbolicString, canonical: SymbolicString? = nil) {
    self.written = written
    self.canonical = canonical ?? written
    self.compiledOnce = Glob.Compiled(canonical ?? written, isPattern: true, ignoringCase: false)
  }

  /// The pattern as written, neither spelled out nor compiled (see `PolicyDocuments`).
  public init(asWritten written: SymbolicString) {
    self.written = written
    self.canonical = written
    self.compiledOnce = nil
  }

  /// `canonical` compiled for matching.
  package var compiled: Glob.Compiled {
    compiledOnce ?? Glob.Compiled(canonical, isPattern: true, ignoringCase: false)
  }

  /// The pattern with the resources it names spelled out by `resolver`, compiled.
  public func spelledOut(by resolver: Resolver) -> ResourcePattern {
    ResourcePattern(written: written, canonical: resolver.canonical(written))
  }

  public static func == (lhs: ResourcePattern, rhs: ResourcePattern) -> Bool {
    lhs.written == rhs.written && lhs.canonical == rhs.canonical
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(written)
    hasher.combine(canonical)
  }

  /// `*`.
  public var isEverything: Bool {
    written.literal.map { $0.allSatisfy { $0 == "*" } && !$0.isEmpty } ?? false
  }
  public var description: String { written.description }
}

/// One principal of `Principal`/`NotPrincipal`: `"*"`, or a value under `AWS`, `Service`,
/// `Federated` or `CanonicalUser`.
public struct PrincipalEntry: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// `Principal: "*"`.
    case everyone = "*"
    case aws = "AWS"
    case service = "Service"
    case federated = "Federated"
    case canonicalUser = "CanonicalUser"
  }

  public var kind: Kind
  public var value: SymbolicString
  /// The value with resource symbols spelled out (`!GetAtt Role.Arn` as a role ARN).
  public var canonical: SymbolicString

  public init(kind: Kind, value: SymbolicString, canonical: SymbolicString? = nil) {
    self.kind = kind
    self.value = value
    self.canonical = canonical ?? value
  }

  /// The entry with the resources its value names spelled out by `resolver`.
  public func spelledOut(by resolver: Resolver) -> PrincipalEntry {
    PrincipalEntry(kind: kind, value: value, canonical: resolver.canonical(value))
  }

  /// `"*"` or `{AWS: "*"}`: anyone at all.
  public var isWildcard: Bool {
    kind == .everyone || (kind == .aws && value.literal == "*")
      || (kind == .canonicalUser && value.literal == "*")
  }

  public var description: String { kind == .everyone ? "*" : "\(kind.rawValue): \(value)" }
}

/// One test of a `Condition` block: an operator, a key and the values, resolved.
public struct ConditionClause: Sendable, Hashable, CustomStringConvertible {
  /// `StringEquals`, `ArnLike`, `ForAnyValue:StringLike`, `BoolIfExists`...
  public var `operator`: String
  /// The condition key as written (`aws:SourceArn`).
  public var key: String
  public var values: [SymbolicString]
  public var location: SourceLocation?

  public init(
    operator: String, key: String, values: [SymbolicString], location: SourceLocation? = nil
  ) {
    self.operator = `operator`
    self.key = key
    self.values = values
    self.location = location
  }

  /// `StringEquals aws:SourceAccount = 123456789012`.
  public var description: String {
    "\(`operator`) \(key) = "
      + (values.count == 1
        ? values[0].description : "[" + values.map(\.description).joined(separator: ", ") + "]")
  }
}

/// Something in a policy document that could not be read.
public struct PolicyProblem: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// The document is written wrong: CloudFormation or IAM would reject it, or it cannot mean
    /// what it seems to (a document that is a string, a Statement that is a number).
    case malformed
    /// The template does not say what the value is (an import, a parameter with no default).
    case unknown
    /// The document is a JSON string. CloudFormation accepts it and Formation reads it, but
    /// every finding inside it can only point at the string.
    case embeddedJSON
  }

  public var kind: Kind
  public var message: String
  public var location: SourceLocation?
  public var assumptions: Assumptions

  public init(
    _ message: String, at location: SourceLocation?, kind: Kind = .malformed,
    assumptions: Assumptions = .always
  ) {
    self.kind = kind
    self.message = message
    self.location = location
    self.assumptions = assumptions
  }

  public var description: String { message }
}
