import Template

extension ElastiCache {
  /// ECA003: clients authenticate with an AUTH token or RBAC users.
  static let authentication = Rule(
    id: "ECA003", title: "ElastiCache replication group requires clients to authenticate",
    severity: .error, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without AuthToken or UserGroupIds, anything that can reach the port (any workload in the security group's sources) can read, overwrite or flush the cache and run administrative commands.",
    remediation:
      "Set UserGroupIds to an RBAC user group, or AuthToken from a secret ({{resolve:secretsmanager:...}}); both need TransitEncryptionEnabled: true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let users = context.property(logicalID, "UserGroupIds")
      return users.possibilities.flatMap { group -> [Finding] in
        guard group.isAbsent || (group.list?.isEmpty ?? false) else { return [] }
        return context.judge(
          context.property(logicalID, "AuthToken").after(group), logicalID: logicalID,
          path: "Properties.AuthToken", question: "clients authenticate"
        ) { token in
          token.isAbsent
            ? .fail(
              "replication group lets any client in: neither AuthToken nor UserGroupIds is set")
            : .pass
        }
      }.uniqued()
    }
  }
}
