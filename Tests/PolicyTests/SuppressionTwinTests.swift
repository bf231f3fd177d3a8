import Policy
import Template
import Testing

/// A blueprint states an exception once in Formation's form and once in checkov's, for the
/// same rule: both are in use, and neither is reported as unused.
@Suite struct SuppressionTwinTests {
  @Test func formationAndCheckovEntriesForOneFindingAreBothUsed() throws {
    let rules = ["LOG002", "SUP001", "SUP002"].compactMap(Catalogue.rule(id:))
    #expect(
      try LintFixture.allLines("suppressions", "twins.yaml", rules: rules) == [
        "2:3: warning LOG002 Scratch: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered [suppressed by formation: scratch data is recomputable and expires within a week]"
      ])
  }
}
