import Semantics
import Template

extension LeastPrivilege {
  /// IAM009: a role's trust policy lets anyone, any service or any federated user assume it.
  static let trustWildcardPrincipal = Rule(
    id: "IAM009",
    title:
      "Trust policies do not let anyone, any service or any federated identity assume the role",
    severity: .error, family: .policy, theme: theme, resourceTypes: ["AWS::IAM::Role"],
    rationale:
      "Principal \"*\" (or AWS \"*\") in a trust policy lets every AWS account assume the role unless a condition narrows it; a wildcard service principal lets any service act as the role; a federated principal without conditions (a GitHub OIDC provider with no sub condition) lets every identity of that provider in. A principal the template does not spell out is reported as unknown, unless it comes from a parameter whose AllowedPattern or AllowedValues rule out \"*\" (an account id matching ^\\d{12}$ is one named account).",
    remediation:
      "Name the principal (the service, account or role), or narrow a wildcard with aws:PrincipalOrgID, aws:PrincipalArn or aws:SourceAccount; for OIDC providers add StringEquals/StringLike on the provider's aud and sub keys."
  ) { context in
    let restricting = [
      "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
      "aws:SourceAccount",
      "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
    ]
    return context.policies.trustPolicies.flatMap { source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow, let principals = statement.principals else { return [] }
        guard
          statement.applies(action: "sts:AssumeRole").isNo == false
            || statement.applies(action: "sts:AssumeRoleWithWebIdentity").isNo == false
            || statement.applies(action: "sts:AssumeRoleWithSAML").isNo == false
        else { return [] }
        if principals.isNegated {
          return [
            context.finding(
              "\(statement.label) lets every principal except those in NotPrincipal assume the role",
              in: source,
              statement: statement, at: principals.location)
          ]
        }
        return principals.elements.compactMap { element -> Finding? in
          let principal = element.content
          let restricted = statement.conditions.contains { clause in
            restricting.contains { $0.caseInsensitiveCompare(clause.key) == .orderedSame }
              && !clause.operator.hasSuffix("IfExists") && !clause.operator.contains("Not")
          }
          let message: String
          if principal.isWildcard {
            guard !restricted else { return nil }
            message =
              "\(statement.label) lets any AWS principal assume the role (Principal \(principal)) with no condition naming the account or organization"
          } else if principal.kind == .service, principal.value.literal?.contains("*") ?? false {
            message = "\(statement.label) lets any AWS service assume the role (\(principal))"
          } else if principal.kind == .federated, statement.conditions.isEmpty {
            message =
              "\(statement.label) lets every identity of the federated provider \(principal.value) assume the role; add conditions on its aud and sub"
          } else if let reason = principal.wildcardReasons(context.resolver).first {
            return context.finding(
              "cannot tell who may assume the role: \(reason)",
              in: source,
              statement: statement, at: element.location, assumptions: element.assumptions,
              severity: .unknown)
          } else {
            return nil
          }
          return context.finding(
            message, in: source, statement: statement, at: element.location,
            assumptions: element.assumptions,
            parameters: element.parameters)
        }
      }
    }
  }
}
