import Template

extension Lambda {
  /// LMB002: lambda functions reserve their concurrency.
  static let reservedConcurrency = Rule(
    id: "LMB002", title: "Lambda functions reserve their concurrency", severity: .info,
    family: .policy, theme: theme, resourceTypes: ["AWS::Lambda::Function"],
    rationale:
      "Without ReservedConcurrentExecutions a flood of events (or an attacker calling the function) can take the account's whole concurrency and starve every other function, and runs up the bill without bound.",
    remediation:
      "Set ReservedConcurrentExecutions to the most the function should ever run at once."
  ) { context in
    context.inspectedLogicalIDs.flatMap {
      context.requirePresent(
        $0, ["ReservedConcurrentExecutions"], question: "the function has a concurrency limit",
        absent: "function has no concurrency limit (ReservedConcurrentExecutions is not set)")
    }
  }
}
