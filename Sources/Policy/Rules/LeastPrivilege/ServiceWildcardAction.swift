import Semantics
import Template

extension LeastPrivilege {
  /// IAM002: an identity policy allows every action of a service.
  static let serviceWildcardAction = Rule(
    id: "IAM002", title: "Identity policy does not allow every action of a service (\"service:*\")",
    severity: .warning, family: .policy, theme: theme, resourceTypes: identityTypes,
    rationale:
      "\"s3:*\" grants deletion, policy and encryption changes along with reads; \"iam:*\" or \"kms:*\" grant control over access itself. Whole-service grants hide which of these the workload needs.",
    remediation:
      "Replace the service wildcard with the actions used (for example s3:GetObject and s3:PutObject)."
  ) { context in
    context.policies.identityPolicies.flatMap { source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow, !statement.actions.isNegated else { return [] }
        return statement.actions.elements.filter(\.content.isWholeService).map { element in
          context.finding(
            "\(statement.label) allows every \(element.content.service ?? "") action (\(element.content))",
            in: source, statement: statement, at: element.location,
            assumptions: element.assumptions,
            parameters: element.parameters, action: element.content.description)
        }
      }
    }
  }
}
