import Template

extension LeastPrivilege {
  /// IAM006: an Allow statement uses NotResource, in an identity or resource policy.
  static let allowWithNotResource = Rule(
    id: "IAM006", title: "Allow statements do not use NotResource", severity: .error,
    family: .policy, theme: theme,
    resourceTypes: identityTypes + resourcePolicyTypes,
    rationale:
      "Allow with NotResource grants the actions on every resource except those listed, including resources created later and in other accounts. In a resource policy (a key policy, an endpoint policy) it is an error: the grant reaches past the resource the policy belongs to; in an identity policy it is a warning.",
    remediation:
      "List the resources the actions apply to with Resource; use a Deny statement for exceptions."
  ) { context in
    let index = context.policies
    return [index.identityPolicies, index.resourcePolicies].joined().flatMap { source in
      source.findingsPerStatement { statement -> Finding? in
        guard statement.effect == .allow, let resources = statement.resources, resources.isNegated
        else { return nil }
        let listed = resources.elements.map(\.content.description).joined(separator: ", ")
        let inResourcePolicy = source.kind == .resource
        return context.finding(
          "\(statement.label) allows its actions on every resource except \(listed) (Allow with NotResource\(inResourcePolicy ? " in a resource policy" : ""))",
          in: source, statement: statement, at: resources.location,
          severity: inResourcePolicy ? .error : .warning)
      }
    }
  }
}
