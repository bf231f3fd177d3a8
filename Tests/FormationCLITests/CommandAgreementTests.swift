import Foundation
import Testing

@testable import FormationCLI

/// `lint` and `diff` check through the one `Checker`: a stack that is new in a diff introduces
/// exactly the findings `lint` reports on the same files, suppressions and cross-stack imports
/// included.
@Suite struct CommandAgreementTests {
  /// A finding as both commands print it in JSON: rule, logical id, message, location.
  struct Key: Hashable, Comparable {
    var rule: String
    var logicalID: String
    var message: String
    var location: String

    static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.location, lhs.rule, lhs.logicalID, lhs.message)
        < (rhs.location, rhs.rule, rhs.logicalID, rhs.message)
    }
  }

  static func lintFindings(_ folder: String) throws -> [Key] {
    let result = try LintCommand.parse(["--no-config", folder, "--format", "json"]).execute()
    let envelope = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let findings = try #require(envelope["findings"] as? [[String: Any]])
    // COV001 is lint's account of the run's coverage, not a finding of a template diff compares.
    return findings.filter { $0["suppression"] == nil && $0["rule"] as? String != "COV001" }.map {
      finding in
      Key(
        rule: finding["rule"] as? String ?? "", logicalID: finding["logicalId"] as? String ?? "",
        message: finding["message"] as? String ?? "",
        location: "\(finding["file"]!):\(finding["line"]!):\(finding["column"]!)")
    }.sorted()
  }

  static func introducedByDiff(_ folder: String) throws -> [Key] {
    let empty = NSTemporaryDirectory() + "formation-empty-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let result = try DiffCommand.parse([empty, folder, "--format", "json"]).execute()
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let stacks = try #require(report["stacks"] as? [[String: Any]])
    return stacks.flatMap { stack -> [Key] in
      let security = stack["security"] as? [String: Any] ?? [:]
      let introduced = security["findingsIntroduced"] as? [[String: Any]] ?? []
      return introduced.map { finding in
        Key(
          rule: finding["ruleId"] as? String ?? "", logicalID: finding["logicalId"] as? String ?? "",
          message: finding["message"] as? String ?? "",
          location: finding["location"] as? String ?? "")
      }
    }.sorted()
  }

  /// generated/ has suppressions (with reasons) and imports between its eight stacks;
  /// examples/insecure has findings of every theme.
  @Test(arguments: ["generated", "examples/insecure"])
  func diffIntroducesExactlyWhatLintFinds(folder: String) throws {
    let lint = try Self.lintFindings(folder)
    let diff = try Self.introducedByDiff(folder)
    #expect(!lint.isEmpty || folder == "generated")
    #expect(diff == lint)
  }
}
