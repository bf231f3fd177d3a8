import Semantics
import Template

extension Rule {
  /// SCH020: a backup rule that deletes recovery points less than 90 days after moving them to
  /// cold storage.
  public static let backupColdStorageRetention = Rule(
    id: "SCH020", title: "Backup deleted too soon after moving to cold storage", severity: .error,
    family: .correctness, theme: "schema", resourceTypes: ["AWS::Backup::BackupPlan"],
    rationale:
      "AWS Backup keeps a recovery point in cold storage for at least 90 days, so a lifecycle's `DeleteAfterDays` must be at least 90 more than its `MoveToColdStorageAfterDays`; AWS Backup rejects the plan otherwise. The schema types each number but cannot relate the two.",
    remediation:
      "Raise DeleteAfterDays to at least MoveToColdStorageAfterDays + 90, or stop moving the backups to cold storage."
  ) { context in
    context.findingsPerResource { logicalID, _ in
      let rules = context.property(logicalID, "BackupPlan", "BackupPlanRule").items()
      var findings: [Finding] = []
      // Each lifecycle on its own: the rule's, then each of its copy actions'.
      var lifecycles: [(Reading, String)] = []
      for rule in rules.possibilities {
        let one = rules.of(rule)
        lifecycles.append((one.child("Lifecycle"), "Lifecycle"))
        let copies = one.child("CopyActions").items()
        for copy in copies.possibilities {
          lifecycles.append((copies.of(copy).child("Lifecycle"), "CopyActions.Lifecycle"))
        }
      }
      for (lifecycle, path) in lifecycles {
        for move in lifecycle.child("MoveToColdStorageAfterDays").possibilities {
          guard move.parameters.isEmpty, let moved = move.wholeNumber else { continue }
          for delete in lifecycle.child("DeleteAfterDays").after(move).possibilities
          where delete.parameters.isEmpty {
            guard let deleted = delete.wholeNumber, deleted < moved + 90 else { continue }
            findings.append(
              context.finding(
                "backup plan '\(logicalID)' deletes recovery points after \(deleted) days but moves them to cold storage after \(moved); DeleteAfterDays must be at least \(moved + 90)\(delete.clause)",
                logicalID: logicalID, at: delete.location,
                path: "Properties.BackupPlan.BackupPlanRule.\(path).DeleteAfterDays"))
          }
        }
      }
      return findings.uniqued()
    }
  }
}
