import Foundation
import Testing

@testable import Policy
@testable import Template

/// Reads the correctness fixtures and runs rules over them.
enum CorrectnessFixtures {
  /// `Fixtures/correctness` inside the test bundle.
  static func directory() throws -> URL {
    let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return fixtures.appendingPathComponent("correctness")
  }

  static func template(_ name: String) throws -> Template {
    try Template.read(contentsOf: directory().appendingPathComponent(name).path).template
  }

  /// One rule's findings over a fixture read from its file (so a check may open the files
  /// beside it, as SCH025 opens a nested stack's template), as `LintFixture` prints them.
  static func lines(_ ruleID: String, _ name: String) throws -> [String] {
    let rule = try #require(Catalogue.rule(id: ruleID))
    return Engine(rules: [rule]).check(try template(name)).map(LintFixture.line)
  }

  /// Findings of the given rules (the whole correctness family by default), summarised.
  static func findings(_ name: String, rules: [Rule] = Catalogue.correctness) throws -> [String] {
    try Engine(rules: rules).check(template(name)).map(\.summary)
  }
}

extension Finding {
  /// `line:column severity ID LogicalId`: what fixture tests compare, exactly.
  var summary: String {
    "\(location.line):\(location.column) \(severity.rawValue) \(ruleID) \(logicalID ?? "-")"
  }
}

extension Template {
  /// Parses YAML written in a test; locations name `t.yaml`.
  static func yaml(_ text: String) throws -> Template {
    try Template.parse(text, file: "t.yaml", format: .yaml)
  }
}
