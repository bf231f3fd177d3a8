import Template

extension LeastPrivilege {
  /// IAM013: a policy document cannot be read as IAM would read it.
  static let malformedPolicy = Rule(
    id: "IAM013", title: "Policy documents are well-formed and readable", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: identityTypes + resourcePolicyTypes,
    rationale:
      "A policy document written as a string, a Statement that is neither a mapping nor a list, a statement without Effect or with both Resource and NotResource is rejected at deploy time or, worse, means something other than it seems; and no rule can judge what it cannot read. A document that depends on an import or a parameter without a default cannot be checked at all.",
    remediation:
      "Write the document as a mapping with Version \"2012-10-17\" and a Statement list whose entries have Effect, Action (or NotAction) and, outside trust policies, Resource (or NotResource)."
  ) { context in
    context.policies.sources.flatMap { source in
      source.document.problems.map { problem in
        let clause = problem.assumptions.isEmpty ? "" : " " + problem.assumptions.description
        return context.finding(
          problem.message + clause, logicalID: source.logicalID,
          at: problem.location ?? source.location,
          path: "Properties.\(source.path)",
          severity: problem.kind == .unknown
            ? .unknown : problem.kind == .embeddedJSON ? .warning : nil)
      }
    }
  }
}
