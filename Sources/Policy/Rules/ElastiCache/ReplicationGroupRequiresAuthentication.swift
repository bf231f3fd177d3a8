import Semantics
import Template

extension ElastiCache {
  /// ECA003: clients authenticate with an AUTH token or RBAC users, over TLS.
  static let authentication = Rule(
    id: "ECA003", title: "ElastiCache replication group requires clients to authenticate over TLS",
    severity: .error, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "Without AuthToken or UserGroupIds, anything that can reach the port (any workload in the security group's sources) can read, overwrite or flush the cache and run administrative commands. Both need TransitEncryptionEnabled: ElastiCache refuses AUTH on a group without TLS, where the token would cross the network in plain text.",
    remediation:
      "Set UserGroupIds to an RBAC user group, or AuthToken from a secret ({{resolve:secretsmanager:...}}), together with TransitEncryptionEnabled: true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      var authenticated: [Resolved] = []
      var findings: [Finding] = []
      for group in context.property(logicalID, "UserGroupIds").possibilities {
        guard group.isAbsent || (group.list?.isEmpty ?? false) else {
          authenticated.append(group)
          continue
        }
        findings += context.judge(
          context.property(logicalID, "AuthToken").after(group), logicalID: logicalID,
          path: "Properties.AuthToken", question: "clients authenticate"
        ) { token in
          if token.isAbsent {
            return .fail(
              "replication group lets any client in: neither AuthToken nor UserGroupIds is set")
          }
          authenticated.append(token)
          return .pass
        }
      }
      for authentication in authenticated {
        findings += context.judge(
          context.property(logicalID, "TransitEncryptionEnabled").after(authentication),
          logicalID: logicalID, path: "Properties.TransitEncryptionEnabled",
          question: "clients authenticate over TLS"
        ) {
          context.expectTrue(
            $0,
            absent:
              "replication group sets AuthToken or UserGroupIds without TransitEncryptionEnabled: true, which authentication requires",
            isFalse:
              "replication group sets AuthToken or UserGroupIds with TransitEncryptionEnabled: false, which authentication does not allow"
          )
        }
      }
      return findings.uniqued()
    }
  }
}
