import Semantics
import Template

extension Analytics {
  /// QLD002: a QLDB ledger keeps deletion protection.
  static let qldbDeletionProtection = Rule(
    id: "QLD002", title: "QLDB ledgers keep deletion protection", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::QLDB::Ledger"],
    rationale:
      "A ledger is a journal meant to be kept; DeletionProtection (on by default) stops a stack update or a stray call from deleting it.",
    remediation:
      "Leave DeletionProtection unset or true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "DeletionProtection"), logicalID: logicalID,
        path: "Properties.DeletionProtection", question: "the ledger is protected from deletion"
      ) {
        $0.bool == false ? .fail("ledger can be deleted (DeletionProtection: false)") : .pass
      }
    }
  }
}
