import Semantics
import Template

extension LeastPrivilege {
  /// Whether a statement narrows its resources with a condition instead of ARNs: tags
  /// (`aws:ResourceTag/...`, attribute-based access control) or the owning account or organization.
  static func scopesResourcesByCondition(_ statement: Statement) -> Bool {
    statement.conditions.contains { clause in
      let key = clause.key.lowercased()
      let scoping =
        key.hasPrefix("aws:resourcetag/") || key == "aws:resourceaccount"
        || key == "aws:resourceorgid"
        || key == "aws:resourceorgpaths"
      return scoping && !clause.operator.hasSuffix("IfExists") && !clause.operator.contains("Not")
    }
  }

  /// IAM003: an action that supports resource-level permissions is granted on `*`.
  static let wildcardResource = Rule(
    id: "IAM003",
    title: "Actions that can be scoped to resources are not granted on Resource \"*\"",
    severity: .warning, family: .policy, theme: theme, resourceTypes: identityTypes,
    rationale:
      "Resource \"*\" extends a grant to every bucket, key, table or role in the account, including ones created later. Actions without resource-level permissions (ecr:GetAuthorizationToken, ec2:Describe*, cloudwatch:PutMetricData, per the AWS Service Authorization Reference) can only be granted on \"*\" and are not reported, nor are statements that narrow \"*\" with aws:ResourceTag, aws:ResourceAccount or aws:ResourceOrgID conditions.",
    remediation:
      "Name the resources: !GetAtt Bucket.Arn and !Sub \"${Bucket.Arn}/*\", !GetAtt Key.Arn, a log group's ARN. Keep \"*\" only in a separate statement for actions that accept nothing else."
  ) { context in
    context.policies.identityPolicies.flatMap { source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow, !statement.actions.isNegated,
          let resources = statement.resources, resources.includesEverything,
          !scopesResourcesByCondition(statement)
        else { return [] }
        // One finding per statement, naming its scoped actions: a statement of twenty
        // actions on "*" is one decision to fix, not twenty.
        var granted: [PolicyElement<ActionPattern>] = []
        var undecided: PolicyElement<ActionPattern>?
        for element in statement.actions.elements {
          let pattern = element.content
          guard !pattern.isEverything, !pattern.isWholeService else { continue }
          guard pattern.literal != nil else {
            undecided = undecided ?? element
            continue
          }
          if !ActionKnowledge.scopedActions(matching: pattern).isEmpty { granted.append(element) }
        }
        var findings: [Finding] = []
        if let first = granted.first {
          let names = granted.map(\.content.description)
          let listed =
            names.count <= 3
            ? names.joined(separator: ", ")
            : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
          let example: String
          if names.count == 1, let literal = first.content.literal {
            let scoped = ActionKnowledge.scopedActions(matching: first.content)
            example =
              scoped.count == 1 || scoped[0] == literal.lowercased()
              ? ""
              : " (\(scoped.prefix(3).joined(separator: ", "))\(scoped.count > 3 ? ", ..." : ""))"
          } else {
            example = ""
          }
          let verb = names.count == 1 ? "supports" : "support"
          findings.append(
            context.finding(
              "\(statement.label) grants \(listed) on Resource \"*\" although \(names.count == 1 ? "it" : "they") \(verb) resource-level permissions\(example)",
              in: source, statement: statement, at: first.location,
              assumptions: first.assumptions,
              parameters: Array(Set(granted.flatMap(\.parameters))).sorted(),
              action: names.count == 1 ? names[0] : nil))
        }
        if let undecided {
          findings.append(
            context.finding(
              "cannot tell whether the actions of \(statement.label) need Resource \"*\": \(undecided.content.text.unknownReasons.first ?? "the action is unknown")",
              in: source, statement: statement, at: undecided.location,
              assumptions: undecided.assumptions,
              severity: .unknown))
        }
        return findings
      }
    }
  }
}
