import Foundation
import Testing

@testable import TemplateDiff

/// Whole reports compared with the expected files beside the fixtures
/// (`Fixtures/<case>/expected.txt`, `expected.json`).
@Suite struct ReporterTests {
  func expected(_ name: String, _ file: String) throws -> String {
    try String(
      contentsOf: fixtures.appendingPathComponent(name).appendingPathComponent(file),
      encoding: .utf8)
  }

  @Test(arguments: ["security-groups", "sections-and-metadata", "named-table-key-change"])
  func textReportMatches(_ name: String) throws {
    #expect(TextReporter().report(try fixtureDiff(name)) == (try expected(name, "expected.txt")))
  }

  @Test func jsonReportMatches() throws {
    #expect(
      JSONReporter().report([try fixtureDiff("nested-create-only")])
        == (try expected("nested-create-only", "expected.json")))
  }

  @Test func jsonReportIsValidJSON() throws {
    let report = JSONReporter().report([
      try fixtureDiff("iam-changes"), try fixtureDiff("formatting-only"),
    ])
    let object = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
    let summary = try #require(object?["summary"] as? [String: Any])
    #expect(summary["stacks"] as? Int == 2)
    #expect(summary["changedStacks"] as? Int == 1)
  }

  @Test func colourIsOnlyAddedWhenAsked() throws {
    let plain = TextReporter(color: false).report(try fixtureDiff("rename"))
    let coloured = TextReporter(color: true).report(try fixtureDiff("rename"))
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.contains("\u{1B}[31m"))
  }

  @Test func securityOnlyPrintsOnlyTheSecuritySection() throws {
    let report = TextReporter(securityOnly: true).report(try fixtureDiff("security-groups"))
    #expect(!report.contains("Resources"))
    #expect(report.contains("Security group rules"))
    #expect(TextReporter(securityOnly: true).report(try fixtureDiff("lifecycle-path")) == "")
  }

  @Test func summaryLine() throws {
    let diffs = try ["remove-raw-bucket", "formatting-only", "rename"].map { try fixtureDiff($0) }
    #expect(
      DiffSummary(diffs).line
        == "3 stacks: 2 changed, 1 unchanged; resources: 1 added, 2 removed, 0 modified; 1 will replace, 0 may replace; 0 security changes; 2 data-loss warnings; 1 name collision"
    )
    #expect(DiffSummary([try fixtureDiff("formatting-only")]).line == "1 stack: no changes")
  }
}
