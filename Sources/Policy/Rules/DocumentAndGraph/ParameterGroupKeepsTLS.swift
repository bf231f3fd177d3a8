import Template

extension DocumentAndGraphDatabases {
  /// GDB004: DocumentDB parameter groups do not turn TLS off.
  static let parameterGroupTLS = Rule(
    id: "GDB004", title: "DocumentDB cluster parameter group keeps TLS on", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::DocDB::DBClusterParameterGroup"],
    rationale:
      "DocumentDB requires TLS unless the cluster parameter group sets tls to disabled; then clients connect in plain text and credentials and documents cross the network readable.",
    remediation: "Remove tls: disabled from Parameters (or set it to enabled, tls1.2+ or tls1.3+)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Parameters", "tls"), logicalID: logicalID,
        path: "Properties.Parameters.tls", question: "TLS is required"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success("disabled"?):
          return .fail("parameter group turns TLS off (tls: disabled)")
        case .success: return .pass
        }
      }
    }
  }
}
