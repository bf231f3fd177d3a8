import Semantics
import Template

/// Least privilege: identity, trust and resource policies grant only what is needed.
///
/// Identity policies (roles, users, groups, `AWS::IAM::Policy`/`ManagedPolicy`) are checked
/// for wildcards and escalation paths; trust policies for who may assume; resource policies
/// (buckets, keys, topics, queues, repositories, endpoints, event buses, secrets) for
/// wildcard principals. Every rule reads policies through `PolicyIndex` and asks the IAM
/// evaluator rather than matching strings, and reports the `Fn::If` branch a grant sits in.
public enum LeastPrivilege {
  public static let theme = "least-privilege"

  public static var rules: [Rule] {
    [
      wildcardAction, serviceWildcardAction, wildcardResource, passRole, allowWithNotAction,
      allowWithNotResource, administratorManagedPolicy, privilegeEscalation, trustWildcardPrincipal,
      trustCrossAccount, resourcePolicyWildcardPrincipal, keyPolicyFullAccess, malformedPolicy,
      trustWildcardAction, policiesOnUsers,
    ]
  }

  /// The resource types that hold identity policies.
  static let identityTypes = [
    "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy",
  ] + PolicyIndex.samPrincipalTypes.sorted()

  /// The resource types that hold resource policies this theme checks.
  static let resourcePolicyTypes = [
    "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::KMS::Key",
    "AWS::KMS::ReplicaKey", "AWS::ECR::Repository", "AWS::EC2::VPCEndpoint",
    "AWS::Events::EventBus",
    "AWS::SecretsManager::ResourcePolicy", "AWS::S3::AccessPoint", "AWS::SNS::TopicInlinePolicy",
    "AWS::SQS::QueueInlinePolicy", "AWS::Logs::ResourcePolicy", "AWS::Events::EventBusPolicy",
  ]
}

extension RuleContext {
  /// Every policy of the template, read once per check and shared by its rules.
  var policies: PolicyIndex { memo.value(PolicyIndex.self) }

  /// The template's policy documents as written, which the index builds on: for rules that
  /// judge how a document is written rather than what it allows.
  var policyDocuments: PolicyDocuments { memo.value(PolicyDocuments.self) }

  /// A finding about one statement (or one element of it) of a policy: located at the element
  /// when given, else at the statement; the message gets the branch it depends on; the
  /// finding is scoped to the statement (and action) so a suppression can accept exactly it.
  func finding(
    _ message: String, in source: PolicySource, statement: Statement,
    at location: SourceLocation? = nil,
    assumptions: Assumptions? = nil, parameters: [String] = [], action: String? = nil,
    severity: Severity? = nil
  ) -> Finding {
    let branches =
      assumptions.flatMap { $0.merged(with: statement.assumptions) } ?? statement.assumptions
    var text = message
    if !branches.isEmpty { text += " " + branches.description }
    if !parameters.isEmpty {
      text +=
        " (" + (parameters.count == 1 ? "parameter " : "parameters ")
        + parameters.joined(separator: ", ")
        + " at its default)"
    }
    var result = finding(
      text, logicalID: source.logicalID, at: location ?? statement.location ?? source.location,
      path: "Properties.\(source.path).Statement.\(statement.index)", severity: severity)
    result.scope["statement"] =
      statement.sid.flatMap { $0.isEmpty ? nil : $0 } ?? String(statement.index + 1)
    if let action { result.scope["action"] = action }
    return result
  }
}

extension PolicySource {
  /// The findings of `body` for each statement of the document, in order. The statements are
  /// read in place, never copied (each holds dozens of references), since most give no finding.
  func findingsPerStatement(_ body: (Statement) -> [Finding]) -> [Finding] {
    var findings: [Finding] = []
    document.statements.withUnsafeBufferPointer { statements in
      for position in statements.indices { findings += body(statements[position]) }
    }
    return findings
  }

  /// `findingsPerStatement` for a rule that reports a statement at most once.
  func findingsPerStatement(_ body: (Statement) -> Finding?) -> [Finding] {
    var findings: [Finding] = []
    document.statements.withUnsafeBufferPointer { statements in
      for position in statements.indices {
        if let finding = body(statements[position]) { findings.append(finding) }
      }
    }
    return findings
  }
}

extension PolicyElement {
  /// The element's branches together with its statement's.
  func branches(in statement: Statement) -> Assumptions {
    assumptions.merged(with: statement.assumptions) ?? assumptions
  }
}

extension ElementList where Content == ResourcePattern {
  /// True when some element is `*`.
  var includesEverything: Bool { !isNegated && elements.contains { $0.content.isEverything } }
}

extension ElementList where Content == ActionPattern {
  /// The elements that are not `*` itself (reported by IAM001 already).
  var named: [PolicyElement<ActionPattern>] { elements.filter { !$0.content.isEverything } }
}
