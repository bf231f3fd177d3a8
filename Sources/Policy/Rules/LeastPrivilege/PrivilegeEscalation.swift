import Semantics
import Template

extension LeastPrivilege {
  /// IAM008: actions that let a principal raise its own privileges are granted unscoped.
  static let privilegeEscalation = Rule(
    id: "IAM008", title: "Privilege-escalation actions are not granted on every resource",
    severity: .error,
    family: .policy, theme: theme, resourceTypes: identityTypes,
    rationale:
      "iam:CreatePolicyVersion, iam:AttachRolePolicy, iam:PutRolePolicy, iam:CreateAccessKey, iam:UpdateAssumeRolePolicy and their kin, granted on \"*\", let a principal give itself or another principal any permission; iam:PassRole on \"*\" together with lambda:CreateFunction, ec2:RunInstances or batch:SubmitJob runs code as any role.",
    remediation:
      "Grant IAM-changing actions to a deployment role only, scoped to the principals it manages (arn:...:role/app-*), with a permissions boundary; scope iam:PassRole to the roles that are passed."
  ) { context in
    let index = context.policies
    var findings: [Finding] = []
    for source in index.identityPolicies {
      for statement in source.document.statements where statement.effect == .allow {
        let unscoped = statement.resources.map { $0.includesEverything || $0.isNegated } ?? true
        guard unscoped else { continue }
        if statement.actions.isNegated {
          // NotAction grants what it does not list: ask the evaluator which escalation
          // actions remain.
          let granted = ActionKnowledge.privilegeEscalation.filter {
            !statement.applies(action: $0).isNo
          }
          guard !granted.isEmpty else { continue }
          let listed = statement.actions.elements.map(\.content.description).joined(
            separator: ", ")
          findings.append(
            context.finding(
              "\(statement.label) grants every action except \(listed) on every resource, which allows privilege escalation (\(summary(of: granted)))",
              in: source, statement: statement, at: statement.actions.location))
          continue
        }
        for element in statement.actions.named {
          let granted = ActionKnowledge.privilegeEscalation.filter {
            !element.content.matches($0).isNo
          }
          guard !granted.isEmpty else { continue }
          findings.append(
            context.finding(
              "\(statement.label) grants \(element.content) on every resource, which allows privilege escalation (\(summary(of: granted)))",
              in: source, statement: statement, at: element.location,
              assumptions: element.assumptions,
              parameters: element.parameters, action: element.content.description))
        }
      }
    }
    // iam:PassRole on every role, together with an action that runs code as the passed role.
    for principal in index.principals {
      let statements = index.identityStatements(of: principal)
      for statement in statements
      where statement.effect == .allow && (statement.resources?.includesEverything ?? false) {
        guard let grant = passRoleGrant(in: statement) else { continue }
        let companions = ActionKnowledge.passRoleCompanions.filter {
          statements.evaluate(action: $0).outcome >= .conditionallyAllowed
        }
        guard !companions.isEmpty,
          let source = index.source(of: statement)
        else { continue }
        var finding = context.finding(
          "\(principal) can pass any role (iam:PassRole on \"*\") and run it with \(companions.prefix(3).joined(separator: ", "))\(companions.count > 3 ? ", ..." : ""), which allows privilege escalation",
          in: source, statement: statement, at: grant.location, assumptions: grant.assumptions,
          action: "iam:PassRole")
        finding.scope["principal"] = principal
        findings.append(finding)
      }
    }
    return findings
  }

  /// The first four of `actions`, for messages.
  private static func summary(of actions: [String]) -> String {
    actions.prefix(4).joined(separator: ", ") + (actions.count > 4 ? ", ..." : "")
  }

  /// Where a statement grants iam:PassRole: the element that names it, or the NotAction list
  /// that does not exclude it.
  private static func passRoleGrant(in statement: Statement)
    -> (location: SourceLocation?, assumptions: Assumptions)?
  {
    if statement.actions.isNegated {
      guard !statement.applies(action: "iam:PassRole").isNo else { return nil }
      return (statement.actions.location, .always)
    }
    guard
      let element = statement.actions.named.first(where: {
        $0.content.matches("iam:PassRole").isYes
      })
    else { return nil }
    return (element.location, element.assumptions)
  }
}
