import Semantics
import Template

extension LeastPrivilege {
  /// IAM001: an identity policy allows every action of every service.
  static let wildcardAction = Rule(
    id: "IAM001", title: "Identity policy does not allow every action (\"*\")", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: identityTypes,
    rationale:
      "Action \"*\" makes the principal an administrator of whatever the Resource allows, today and for every service AWS adds later; a leaked credential or a compromised workload then owns the account.",
    remediation:
      "List the actions the workload calls (CloudTrail or IAM Access Analyzer policy generation shows them), scoped to the resources it uses."
  ) { context in
    context.policies.identityPolicies.flatMap { source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow, !statement.actions.isNegated else { return [] }
        return statement.actions.elements.compactMap { element -> Finding? in
          if element.content.isEverything {
            return context.finding(
              "\(statement.label) allows every action (Action: \"*\")", in: source,
              statement: statement,
              at: element.location, assumptions: element.assumptions,
              parameters: element.parameters,
              action: "*")
          }
          guard element.content.literal == nil,
            let reason = element.content.text.unknownReasons.first
          else {
            return nil
          }
          return context.finding(
            "cannot tell whether \(statement.label) allows every action: \(reason)", in: source,
            statement: statement, at: element.location, assumptions: element.assumptions,
            severity: .unknown)
        }
      }
    }
  }
}
