import Semantics
import Template

extension Analytics {
  /// QLD001: qLDB ledgers use the STANDARD permissions mode.
  static let qldbStandardPermissions = Rule(
    id: "QLD001", title: "QLDB ledgers use the STANDARD permissions mode", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::QLDB::Ledger"],
    rationale:
      "ALLOW_ALL lets any principal with the ledger's API permissions run every PartiQL command on every table; STANDARD checks table- and command-level permissions.",
    remediation:
      "Set PermissionsMode: STANDARD."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "PermissionsMode"), logicalID: logicalID,
        path: "Properties.PermissionsMode", question: "the ledger checks table permissions"
      ) {
        context.expectNone(of: ["ALLOW_ALL"], $0, absent: nil) {
          "ledger lets its callers run every command on every table (PermissionsMode: \($0))"
        }
      }
    }
  }
}
