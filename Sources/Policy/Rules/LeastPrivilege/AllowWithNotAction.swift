import Template

extension LeastPrivilege {
  /// IAM005: an Allow statement uses NotAction, in an identity, trust or resource policy.
  static let allowWithNotAction = Rule(
    id: "IAM005", title: "Allow statements do not use NotAction", severity: .error,
    family: .policy, theme: theme,
    resourceTypes: identityTypes + resourcePolicyTypes,
    rationale:
      "Allow with NotAction grants every action except those listed, including every action of every service AWS adds later: an allow-list written as a deny-list. On Resource \"*\" it makes an identity nearly an administrator; in a bucket, key, topic, queue, repository, secret or endpoint policy it hands the named principals everything the resource supports; in a trust policy it allows every sts action on the role, not only AssumeRole. An identity policy whose NotAction is limited to named resources is reported as a warning.",
    remediation:
      "List the allowed actions with Action. To carve exceptions out of a broad grant, add a Deny statement instead."
  ) { context in
    let index = context.policies
    return [index.identityPolicies, index.trustPolicies, index.resourcePolicies].joined()
      .flatMap { source in
        source.findingsPerStatement { statement -> Finding? in
          guard statement.effect == .allow, statement.actions.isNegated else { return nil }
          let listed = statement.actions.elements.map(\.content.description).joined(
            separator: ", ")
          var scope = ""
          var severity = Severity.error
          switch source.kind {
          case .identity:
            if statement.resources?.includesEverything ?? true {
              scope = " on every resource"
            } else {
              severity = .warning
            }
          case .trust: scope = " in a trust policy"
          case .resource: scope = " in a resource policy"
          }
          let message =
            "\(statement.label) allows every action except \(listed)\(scope) (Allow with NotAction)"
          return context.finding(
            message, in: source, statement: statement, at: statement.actions.location,
            severity: severity)
        }
      }
  }
}
