import Semantics
import Template

extension LeastPrivilege {
  /// IAM004: `iam:PassRole` names the roles and the service they may be passed to.
  static let passRole = Rule(
    id: "IAM004", title: "iam:PassRole is scoped to roles and to iam:PassedToService",
    severity: .error,
    family: .policy, theme: theme, resourceTypes: identityTypes,
    rationale:
      "iam:PassRole on \"*\" lets the principal hand any role of the account, an administrator's included, to a service it controls (a Lambda function, an instance, a Batch job) and act with that role's permissions. Without iam:PassedToService the named roles can be handed to any service.",
    remediation:
      "Set Resource to the roles that are passed (!GetAtt JobRole.Arn) and add Condition: {StringEquals: {iam:PassedToService: batch.amazonaws.com}}."
  ) { context in
    context.policies.identityPolicies.flatMap { source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow else { return [] }
        let grants =
          statement.actions.isNegated
          ? (statement.applies(action: "iam:PassRole").isNo
            ? [] : statement.actions.elements.prefix(1).map { $0 })
          : statement.actions.named.filter { !$0.content.matches("iam:PassRole").isNo }
        return grants.compactMap { element -> Finding? in
          let how =
            statement.actions.isNegated
            ? "NotAction leaves iam:PassRole allowed" : "\(element.content) allows iam:PassRole"
          if statement.resources?.includesEverything ?? false
            || statement.resources?.isNegated ?? false
          {
            return context.finding(
              "\(statement.label): \(how) on every role (Resource \"*\"); name the roles it passes",
              in: source, statement: statement, at: element.location,
              assumptions: element.assumptions,
              parameters: element.parameters, action: "iam:PassRole")
          }
          if !statement.hasCondition(onAnyOf: ["iam:PassedToService"]) {
            return context.finding(
              "\(statement.label): \(how) to any service; add a condition on iam:PassedToService",
              in: source, statement: statement, at: element.location,
              assumptions: element.assumptions,
              parameters: element.parameters, action: "iam:PassRole")
          }
          return nil
        }
      }
    }
  }
}
