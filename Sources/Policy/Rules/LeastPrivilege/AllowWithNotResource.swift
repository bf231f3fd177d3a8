import Template

extension LeastPrivilege {
  /// IAM006: an Allow statement uses NotResource.
  static let allowWithNotResource = Rule(
    id: "IAM006", title: "Allow statements do not use NotResource", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: identityTypes,
    rationale:
      "Allow with NotResource grants the actions on every resource except those listed, including resources created later and in other accounts.",
    remediation:
      "List the resources the actions apply to with Resource; use a Deny statement for exceptions."
  ) { context in
    context.policies.identityPolicies.flatMap { source in
      source.findingsPerStatement { statement -> Finding? in
        guard statement.effect == .allow, let resources = statement.resources, resources.isNegated
        else { return nil }
        let listed = resources.elements.map(\.content.description).joined(separator: ", ")
        return context.finding(
          "\(statement.label) allows its actions on every resource except \(listed) (Allow with NotResource)",
          in: source, statement: statement, at: resources.location)
      }
    }
  }
}
