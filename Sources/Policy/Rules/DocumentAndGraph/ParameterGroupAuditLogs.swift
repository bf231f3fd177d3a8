import Template

extension DocumentAndGraphDatabases {
  /// GDB005: DocumentDB parameter groups turn auditing on.
  static let parameterGroupAudit = Rule(
    id: "GDB005", title: "DocumentDB cluster parameter group enables audit logs",
    severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::DocDB::DBClusterParameterGroup"],
    rationale:
      "DocumentDB writes audit events (authentication, user and collection changes, reads and writes) only when the cluster parameter group sets audit_logs; it defaults to disabled, and exporting the audit log (GDB002) then sends nothing.",
    remediation: "Set Parameters.audit_logs to enabled (or ddl, dml_read, dml_write, all)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Parameters", "audit_logs"), logicalID: logicalID,
        path: "Properties.Parameters.audit_logs", question: "auditing is on"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil):
          return .fail(
            "parameter group does not audit: audit_logs is not set and defaults to disabled")
        case .success(let value?) where ["disabled", "none"].contains(value.lowercased()):
          return .fail("parameter group does not audit (audit_logs: \(value))")
        case .success: return .pass
        }
      }
    }
  }
}
