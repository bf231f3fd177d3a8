import Semantics
import Template

extension LeastPrivilege {
  /// Condition keys that narrow a wildcard principal to an account, organization, source or network path.
  static let restrictingKeys = [
    "aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
    "aws:PrincipalServiceName", "aws:SourceVpce", "aws:SourceVpc", "aws:ResourceAccount",
    "aws:ResourceOrgID",
    "kms:CallerAccount", "aws:userid",
  ]

  /// True when a statement has a condition that narrows who it applies to: one of
  /// `restrictingKeys` with a positive operator (an `...IfExists` test passes when the key
  /// is missing, a `Not...` test admits everyone else).
  static func isRestricted(_ statement: Statement) -> Bool {
    statement.conditions.contains { clause in
      restrictingKeys.contains { $0.caseInsensitiveCompare(clause.key) == .orderedSame }
        && !clause.operator.hasSuffix("IfExists") && !clause.operator.contains("Not")
    }
  }

  /// IAM011: a resource policy allows everyone without a restricting condition.
  static let resourcePolicyWildcardPrincipal = Rule(
    id: "IAM011",
    title: "Resource policies do not allow a wildcard principal without a restricting condition",
    severity: .error, family: .policy, theme: theme, resourceTypes: resourcePolicyTypes,
    rationale:
      "Principal \"*\" or {AWS: \"*\"} in an Allow statement of a bucket, key, topic, queue, repository, event bus or secret policy grants the actions to every AWS account and, for S3, to anonymous users, unless a condition (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce...) narrows it. Deny statements with \"*\" are how TLS and other guardrails are written and are not reported. A VPC endpoint policy's wildcard principal is normal when the statement names its resources.",
    remediation:
      "Name the principals (a role ARN, a service with aws:SourceArn), or add a condition on aws:PrincipalOrgID, aws:SourceAccount or aws:SourceVpce."
  ) { context in
    context.policies.resourcePolicies.filter { $0.resourceType != "AWS::Lambda::Permission" }
      .flatMap { source in
        source.findingsPerStatement { statement -> [Finding] in
          guard statement.effect == .allow, let principals = statement.principals,
            !isRestricted(statement)
          else {
            return []
          }
          if source.resourceType == "AWS::EC2::VPCEndpoint", let resources = statement.resources,
            !resources.includesEverything, !resources.isNegated
          {
            return []
          }
          if principals.isNegated {
            return [
              context.finding(
                "\(statement.label) allows every principal except those in NotPrincipal",
                in: source, statement: statement,
                at: principals.location)
            ]
          }
          return principals.elements.compactMap { element -> Finding? in
            if !element.content.canonical.isFullyKnown {
              return context.finding(
                "cannot tell whom \(statement.label) allows: \(element.content.canonical.unknownReasons.first ?? "")",
                in: source, statement: statement, at: element.location,
                assumptions: element.assumptions,
                severity: .unknown)
            }
            guard element.content.isWildcard else { return nil }
            let actions = statement.actions.elements.map(\.content.description).joined(
              separator: ", ")
            return context.finding(
              "\(statement.label) allows any principal (\(element.content)) to \(statement.actions.isNegated ? "do everything but " : "")\(actions) with no condition on the source, account or organization",
              in: source, statement: statement, at: element.location,
              assumptions: element.assumptions,
              parameters: element.parameters)
          }
        }
      }
  }
}
