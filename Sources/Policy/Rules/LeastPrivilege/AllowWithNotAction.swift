import Template

extension LeastPrivilege {
  /// IAM005: an Allow statement uses NotAction.
  static let allowWithNotAction = Rule(
    id: "IAM005", title: "Allow statements do not use NotAction", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: identityTypes,
    rationale:
      "Allow with NotAction grants every action except those listed, including every action of every service AWS adds later: an allow-list written as a deny-list.",
    remediation:
      "List the allowed actions with Action. To carve exceptions out of a broad grant, add a Deny statement instead."
  ) { context in
    context.policies.identityPolicies.flatMap { source in
      source.findingsPerStatement { statement -> Finding? in
        guard statement.effect == .allow, statement.actions.isNegated else { return nil }
        let listed = statement.actions.elements.map(\.content.description).joined(separator: ", ")
        return context.finding(
          "\(statement.label) allows every action except \(listed) (Allow with NotAction)",
          in: source,
          statement: statement, at: statement.actions.location)
      }
    }
  }
}
