import Template

extension LeastPrivilege {
  /// IAM013: a policy document cannot be read (an import, a parameter without a default) or
  /// only as a JSON string; what IAM would reject is SCH019.
  static let malformedPolicy = Rule(
    id: "IAM013", title: "Policy documents are well-formed and readable", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: identityTypes + resourcePolicyTypes,
    rationale:
      "No rule can judge what it cannot read: a document that depends on an import or a parameter without a default cannot be checked at all, and one written as a JSON string can only be pointed at as a whole. A document IAM would reject (no Effect, both Resource and NotResource) is reported by SCH019 in `formation validate`.",
    remediation:
      "Write the document as a mapping with Version \"2012-10-17\" and a Statement list whose entries have Effect, Action (or NotAction) and, outside trust policies, Resource (or NotResource)."
  ) { context in
    // A document IAM would reject is SCH019's (`formation validate`); this rule reports the
    // documents no rule can read, or can read only as a string.
    context.policies.sources.flatMap { source in
      source.document.problems.filter { $0.kind != .malformed }.map { problem in
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
