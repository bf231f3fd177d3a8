import Semantics
import Template

extension LeastPrivilege {
  /// IAM014: a role's trust policy allows every action (or every sts action) to its principals.
  static let trustWildcardAction = Rule(
    id: "IAM014", title: "Trust policies allow only the assume-role actions they need",
    severity: .error, family: .policy, theme: theme, resourceTypes: ["AWS::IAM::Role"],
    rationale:
      "A trust policy answers one question, who may assume the role, through sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML (and sts:TagSession, sts:SetSourceIdentity alongside). Action \"*\" or sts:* also lets the principal use every session-tagging and identity action AWS adds later, and hides which federation path the role is meant for. (NotAction in a trust policy is IAM005.)",
    remediation:
      "Name the assume action the principal uses (sts:AssumeRole for services and accounts, sts:AssumeRoleWithWebIdentity for OIDC, sts:AssumeRoleWithSAML for SAML), plus sts:TagSession if sessions are tagged."
  ) { context in
    context.policies.trustPolicies.flatMap { source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow, !statement.actions.isNegated else { return [] }
        return statement.actions.elements.compactMap { element -> Finding? in
          let action = element.content
          guard action.isEverything || (action.isWholeService && action.service == "sts") else {
            return nil
          }
          return context.finding(
            "\(statement.label) allows \(action.isEverything ? "every action" : "every sts action") (Action: \"\(action)\") in a trust policy; name the assume-role action",
            in: source, statement: statement, at: element.location,
            assumptions: element.assumptions, parameters: element.parameters,
            action: action.description)
        }
      }
    }
  }
}
