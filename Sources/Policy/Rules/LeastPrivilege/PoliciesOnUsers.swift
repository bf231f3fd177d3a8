import Template

extension LeastPrivilege {
  /// IAM015: permissions are granted to groups or roles, not attached to users one by one.
  static let policiesOnUsers = Rule(
    id: "IAM015", title: "Policies are attached to groups or roles, not to users",
    severity: .warning, family: .policy, theme: theme,
    resourceTypes: [
      "AWS::IAM::User", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::UserPolicy",
    ],
    rationale:
      "A policy attached to a user follows that user's long-lived access keys and is reviewed with nobody else's; permissions granted through a group or an assumed role are seen, changed and revoked in one place, and leave with the membership.",
    remediation:
      "Put the policy on an AWS::IAM::Group the user joins (Groups), or on a role the user assumes; remove Policies, ManagedPolicyArns and Users attachments from users."
  ) { context in
    context.findingsPerResource { logicalID, resource in
      let attachments: [(String, String)]
      switch resource.type {
      case "AWS::IAM::User":
        attachments = [
          ("Policies", "user has inline policies (Policies)"),
          ("ManagedPolicyArns", "user has managed policies attached (ManagedPolicyArns)"),
        ]
      case "AWS::IAM::UserPolicy":
        return [context.finding("policy is attached to a user (AWS::IAM::UserPolicy)", logicalID: logicalID)]
      default:
        attachments = [("Users", "policy is attached to users (Users)")]
      }
      return attachments.flatMap { key, message in
        context.judge(
          context.property(logicalID, key), logicalID: logicalID, path: "Properties.\(key)",
          question: "the policy is attached to groups or roles only"
        ) { value in
          guard let list = value.list else { return value.isAbsent ? .pass : .unknown(value.unknowableReason) }
          return list.isEmpty ? .pass : .fail(message)
        }
      }
    }
  }
}
