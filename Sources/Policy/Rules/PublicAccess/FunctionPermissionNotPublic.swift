import Semantics
import Template

extension PublicAccess {
  /// PUB004: a Lambda permission for anyone, or for a whole AWS service, names its source.
  static let functionPublicPermission = Rule(
    id: "PUB004", title: "Lambda permission for a wildcard or service principal names its source",
    severity: .error, family: .policy, theme: theme, resourceTypes: ["AWS::Lambda::Permission"],
    rationale:
      "A permission with Principal \"*\" and neither SourceArn, SourceAccount nor PrincipalOrgID lets any AWS account, or anyone at all through a function URL, invoke the function (an error). A service principal (s3.amazonaws.com, events.amazonaws.com) without SourceArn or SourceAccount lets that service invoke it on behalf of any account's bucket or rule, the confused-deputy problem (a warning).",
    remediation:
      "Name the service or account as Principal, and add SourceArn (the rule, bucket or topic) and SourceAccount (!Ref AWS::AccountId)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let principal = context.property(logicalID, "Principal")
      let sourceArn = context.property(logicalID, "SourceArn")
      let sourceAccount = context.property(logicalID, "SourceAccount")
      let orgID = context.property(logicalID, "PrincipalOrgID")
      // An Alexa skill's token names the one skill that may invoke (`lambda:EventSourceToken`).
      let token = context.property(logicalID, "EventSourceToken")
      // Each finding says which kind of principal it is about (`scope["principal"]`,
      // `everyone` or `service`): checkov's CKV_AWS_364 is about services alone.
      let kind = { (possibility: Resolved) -> String? in
        guard let text = possibility.text else { return nil }
        if text == "*" { return "everyone" }
        return text.isServicePrincipal ? "service" : nil
      }
      return [nil, "everyone", "service"].flatMap { wanted in
      context.judge(
        principal.filter { kind($0) == wanted }, logicalID: logicalID,
        path: "Properties.Principal",
        question: "the principal is narrowed"
      ) { possibility in
        let text: String
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil): return .pass
        case .success(let value?): text = value
        }
        let isService = text.isServicePrincipal
        guard text == "*" || isService else { return .pass }
        let sources =
          isService ? [sourceArn, sourceAccount, token] : [sourceArn, sourceAccount, orgID]
        let narrowed = sources.contains { reading in
          let branches = reading.after(possibility).possibilities
          return !branches.isEmpty && branches.allSatisfy { !$0.isAbsent }
        }
        if narrowed { return .pass }
        if isService {
          return .fail(
            "permission lets \(text) invoke the function for any account's resources: no SourceArn or SourceAccount",
            severity: .warning)
        }
        return .fail(
          "permission lets any principal invoke the function: Principal is \"*\" with no SourceArn, SourceAccount or PrincipalOrgID"
        )
      }.map { finding in
        var finding = finding
        if let wanted { finding.scope["principal"] = wanted }
        return finding
      }
      }
    }
  }
}
