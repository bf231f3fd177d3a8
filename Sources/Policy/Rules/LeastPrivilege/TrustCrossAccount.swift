import Semantics
import Template

extension LeastPrivilege {
  /// IAM010: another account may assume the role without an external id.
  static let trustCrossAccount = Rule(
    id: "IAM010", title: "Cross-account trust requires sts:ExternalId", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::IAM::Role"],
    rationale:
      "Trusting another account's root lets every principal that account's administrators choose assume the role; when that account is a vendor acting for several customers, an sts:ExternalId condition is what stops one customer from using the vendor to reach another's role (the confused deputy).",
    remediation:
      "Add Condition: {StringEquals: {sts:ExternalId: <id agreed with the other account>}}, or trust the specific role ARN with aws:PrincipalArn. An account id written as !Ref AWS::AccountId is this account and is not reported."
  ) { context in
    context.policies.trustPolicies.flatMap { source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow, let principals = statement.principals,
          !principals.isNegated,
          !statement.applies(action: "sts:AssumeRole").isNo,
          !statement.hasCondition(onAnyOf: [
            "sts:ExternalId", "aws:PrincipalArn", "aws:PrincipalOrgID",
          ])
        else { return [] }
        return principals.elements.compactMap { element -> Finding? in
          let principal = element.content
          // An account from a parameter that cannot be `*` (AllowedPattern ^\d{12}$) is another
          // account chosen at deploy time; an unconstrained one is IAM009's unknown.
          guard principal.isAccount,
            principal.canonical.isFullyKnown || principal.wildcardReasons(context.resolver).isEmpty,
            !principal.canonical.parts.contains(.symbol(.pseudo("AWS::AccountId")))
          else { return nil }
          return context.finding(
            "\(statement.label) lets account \(principal.spelled) assume the role without an sts:ExternalId condition",
            in: source, statement: statement, at: element.location,
            assumptions: element.assumptions,
            parameters: element.parameters)
        }
      }
    }
  }
}
