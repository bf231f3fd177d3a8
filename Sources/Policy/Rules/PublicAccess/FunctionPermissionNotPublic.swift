import Template

extension PublicAccess {
  /// PUB004: a Lambda permission for any principal is narrowed to one source.
  static let functionPublicPermission = Rule(
    id: "PUB004", title: "Lambda permission with a wildcard principal names its source",
    severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::Lambda::Permission"],
    rationale:
      "A permission with Principal \"*\" and neither SourceArn nor SourceAccount lets any AWS account, or anyone at all through a function URL, invoke the function.",
    remediation:
      "Name the service or account as Principal, and add SourceArn (the rule, bucket or topic) and SourceAccount (!Ref AWS::AccountId)."
  ) { context in
    context.resources.flatMap { logicalID, _ -> [Finding] in
      let principal = context.property(logicalID, "Principal")
      let sourceArn = context.property(logicalID, "SourceArn")
      let sourceAccount = context.property(logicalID, "SourceAccount")
      let orgID = context.property(logicalID, "PrincipalOrgID")
      return context.judge(
        principal, logicalID: logicalID, path: "Properties.Principal",
        question: "the principal is narrowed"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(let text): if text != "*" { return .pass }
        }
        let narrowed = [sourceArn, sourceAccount, orgID].contains { reading in
          let branches = reading.after(possibility).possibilities
          return !branches.isEmpty && branches.allSatisfy { !$0.isAbsent }
        }
        return narrowed
          ? .pass
          : .fail(
            "permission lets any principal invoke the function: Principal is \"*\" with no SourceArn, SourceAccount or PrincipalOrgID"
          )
      }
    }
  }
}
