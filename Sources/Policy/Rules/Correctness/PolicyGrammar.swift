import Schemas
import Semantics
import Template

extension Rule {
  /// SCH019: a policy document that IAM (or the service holding a resource policy) rejects.
  ///
  /// The resource schemas type a policy document as "an object": its grammar is IAM's, not
  /// CloudFormation's, so it is checked here from the documents as written (`PolicyDocuments`).
  public static let policyGrammar = Rule(
    id: "SCH019", title: "Policy document breaks the IAM policy grammar", severity: .error,
    family: .correctness, theme: "schema",
    resourceTypes: LeastPrivilege.identityTypes + LeastPrivilege.resourcePolicyTypes,
    rationale:
      "CloudFormation hands policy documents to IAM, S3, SQS, SNS, KMS and ECR as written, and they reject a document that breaks the policy grammar: an Effect other than Allow or Deny, an unknown statement key, both Action and NotAction (or Principal and NotPrincipal), no Statement, a Version other than 2012-10-17 or 2008-10-17, a Principal in an identity policy or none in a trust or bucket policy, an identity statement without Resource, a resource that is neither an ARN nor `*`, an action without its service prefix, an unknown condition operator. The stack fails when the resource is created. Values that depend on a parameter are not judged.",
    remediation:
      "Write the document as the message says: Version \"2012-10-17\", statements with Effect, Action (or NotAction) and, in identity policies, Resource (or NotResource) as ARNs; a Principal only in trust and resource policies."
  ) { context in
    var grammar = PolicyGrammar(context: context)
    for source in context.policyDocuments.sources where !source.path.isEmpty {
      grammar.check(source)
    }
    return grammar.findings
  }
}

/// The policy grammar's judgement of each document of one template (see `Rule.policyGrammar`).
struct PolicyGrammar {
  let context: RuleContext
  var findings: [Finding] = []

  /// The resource policies that must name a principal in every statement: the services reject
  /// a statement without one ("Missing required field Principal").
  static let principalRequired: Set<String> = [
    "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::KMS::Key",
    "AWS::KMS::ReplicaKey", "AWS::ECR::Repository", "AWS::SNS::TopicInlinePolicy",
    "AWS::SQS::QueueInlinePolicy",
  ]

  /// The documents whose `Resource` elements must be ARNs or `*`: identity policies (IAM:
  /// "must be in ARN format") and bucket policies (S3: "Policy has invalid resource").
  static func requiresARNResources(_ source: PolicySource) -> Bool {
    source.kind == .identity || source.resourceType == "AWS::S3::BucketPolicy"
  }

  static let versions: Set<String> = ["2012-10-17", "2008-10-17"]

  /// How a policy problem writes a value the template does not determine.
  static let undetermined = SymbolicString([.unknown("")]).description

  init(context: RuleContext) { self.context = context }

  mutating func check(_ source: PolicySource) {
    // A document built as a string by `Fn::Sub` or `Fn::Join` is read only when it is spelled
    // out; one that is not is the template's to fill at deployment, not malformed. (Resolving
    // the document is asked only of a problem at its root: most documents have none.)
    lazy var isTemplatedString = context.resolver.property(source.path, of: source.logicalID)
      .contains { $0.string != nil && $0.literal == nil }
    for problem in source.document.problems where problem.kind == .malformed {
      if problem.location == source.location && isTemplatedString { continue }
      // A value the template does not determine (a parameter without a default) is described
      // as `${?}`: what it will be is known only at deployment.
      if problem.message.contains(Self.undetermined) { continue }
      let clause = problem.assumptions.isEmpty ? "" : " " + problem.assumptions.description
      findings.append(
        context.finding(
          "policy \(source.path): \(problem.message)\(clause)", logicalID: source.logicalID,
          at: problem.location ?? source.location, path: "Properties.\(source.path)"))
    }
    version(of: source)
    for statement in source.document.statements {
      elements(of: statement, in: source)
      conditions(of: statement, in: source)
    }
  }

  /// `Version` is one of the two IAM knows, when the template spells it out.
  mutating func version(of source: PolicySource) {
    for possibility in source.document.versions where possibility.parameters.isEmpty {
      guard let text = possibility.text, !Self.versions.contains(text),
        !DynamicReference.appears(in: text)
      else { continue }
      findings.append(
        context.finding(
          "policy \(source.path) has Version '\(text)'; IAM knows only 2012-10-17 and 2008-10-17\(possibility.clause)",
          logicalID: source.logicalID, at: possibility.location ?? source.location,
          path: "Properties.\(source.path).Version"))
    }
  }

  mutating func elements(of statement: Statement, in source: PolicySource) {
    switch source.kind {
    case .identity:
      if let principals = statement.principals {
        report(
          "\(statement.label) of identity policy \(source.path) has \(principals.isNegated ? "NotPrincipal" : "Principal"); an identity policy applies to the role, user or group it is attached to and names no principal",
          statement, source, at: principals.location)
      }
      if statement.resources == nil {
        report(
          "\(statement.label) of identity policy \(source.path) has neither Resource nor NotResource",
          statement, source)
      }
    case .trust:
      if statement.principals == nil {
        report(
          "\(statement.label) of trust policy \(source.path) has no Principal; it must name who may assume the role",
          statement, source)
      }
      if let resources = statement.resources {
        report(
          "\(statement.label) of trust policy \(source.path) has \(resources.isNegated ? "NotResource" : "Resource"), which a trust policy may not have: the role is the resource",
          statement, source, at: resources.location)
      }
    case .resource:
      if statement.principals == nil, Self.principalRequired.contains(source.resourceType) {
        report(
          "\(statement.label) of the \(source.resourceType) policy has no Principal; a resource policy must name who it applies to",
          statement, source)
      }
    }
    for action in statement.actions.elements where action.parameters.isEmpty {
      guard let text = action.content.literal, !text.isEmpty, !action.content.isEverything,
        !text.contains(":"), !DynamicReference.appears(in: text)
      else { continue }
      report(
        "\(statement.label) of \(source.path) has action '\(text)', which names no service; write it as service:Action (s3:GetObject)",
        statement, source, at: action.location, assumptions: action.assumptions)
    }
    if Self.requiresARNResources(source), let resources = statement.resources {
      for resource in resources.elements where resource.parameters.isEmpty {
        guard let start = Self.leadingText(resource.content.written), !Self.couldBeARN(start),
          !DynamicReference.appears(in: start)
        else { continue }
        let written = resource.content.written.literal.map { "'\($0)'" } ?? "\(resource.content)"
        report(
          "\(statement.label) of \(source.path) has \(resources.isNegated ? "NotResource" : "Resource") \(written), which is neither an ARN nor '*'",
          statement, source, at: resource.location, assumptions: resource.assumptions)
      }
    }
    for principal in statement.principals?.elements ?? [] where principal.parameters.isEmpty {
      guard let problem = Self.principalProblem(principal.content) else { continue }
      report(
        "\(statement.label) of \(source.path): \(problem)", statement, source,
        at: principal.location, assumptions: principal.assumptions)
    }
  }

  /// Each condition operator is one IAM has; one finding per operator and statement.
  mutating func conditions(of statement: Statement, in source: PolicySource) {
    var reported: Set<String> = []
    for clause in statement.conditions
    where clause.operator != "?" && !ConditionOperator.isKnown(clause.operator) {
      guard reported.insert(clause.operator).inserted else { continue }
      let hint = ConditionOperator.suggestion(for: clause.operator)
      report(
        "\(statement.label) of \(source.path) uses condition operator '\(clause.operator)', which IAM does not have\(hint)",
        statement, source, at: clause.location)
    }
  }

  mutating func report(
    _ message: String, _ statement: Statement, _ source: PolicySource,
    at location: SourceLocation? = nil, assumptions: Assumptions? = nil
  ) {
    findings.append(
      context.finding(
        message, in: source, statement: statement, at: location, assumptions: assumptions))
  }

  /// The text a resource starts with, when the template spells out its beginning (`arn:` of
  /// `!Sub "arn:${AWS::Partition}:s3:::${Bucket}"`); `nil` when it starts with a reference.
  static func leadingText(_ string: SymbolicString) -> String? {
    guard case .text(let text) = string.parts.first else { return nil }
    return text
  }

  /// Whether a resource that starts with `start` can be an ARN or a wildcard.
  static func couldBeARN(_ start: String) -> Bool {
    let lowered = start.lowercased()
    return lowered.hasPrefix("arn:") || "arn:".hasPrefix(lowered) || start.hasPrefix("*")
  }

  /// What IAM rejects in a principal, or `nil`: an AWS principal is `*`, an account number, a
  /// unique id or an ARN; a service principal is a host name (`lambda.amazonaws.com`).
  static func principalProblem(_ principal: PrincipalEntry) -> String? {
    guard let text = principal.value.literal, !DynamicReference.appears(in: text) else {
      return nil
    }
    switch principal.kind {
    case .aws:
      let isAccount = text.count == 12 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
      // A principal's unique id (`AROA...`, `AIDA...`), which policies show for a deleted role.
      let isUniqueID =
        text.count >= 16 && text.hasPrefix("A")
        && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
      if text == "*" || isAccount || isUniqueID || text.lowercased().hasPrefix("arn:") {
        return nil
      }
      return "the AWS principal '\(text)' is neither '*', an account number, a unique id nor an ARN"
    case .service:
      if text == "*" || text.contains(".") { return nil }
      return "the service principal '\(text)' is not a service host name (lambda.amazonaws.com)"
    default:
      return nil
    }
  }
}

/// IAM's condition operators (`StringEquals`, `ArnLike`...), with the `IfExists` suffix and the
/// `ForAllValues:`/`ForAnyValue:` set prefixes they take.
enum ConditionOperator {
  static let base: [String] = [
    "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
    "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
    "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
    "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
    "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals",
    "ArnLike", "ArnNotEquals", "ArnNotLike",
  ]
  static let lowered: Set<String> = Set(base.map { $0.lowercased() })

  /// Compared without case: IAM's own documents and services are not consistent about it, and
  /// an unknown operator is reported only when no spelling of it exists.
  static func isKnown(_ written: String) -> Bool {
    var name = written.lowercased()
    for prefix in ["forallvalues:", "foranyvalue:"] where name.hasPrefix(prefix) {
      name.removeFirst(prefix.count)
    }
    if name == "null" { return true }
    if name.hasSuffix("ifexists") { name.removeLast("ifexists".count) }
    return lowered.contains(name)
  }

  static func suggestion(for written: String) -> String {
    Suggestion.phrase(for: written, in: base + ["Null"])
  }
}
