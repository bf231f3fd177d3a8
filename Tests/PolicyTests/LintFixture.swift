import Foundation
import Policy
import Template
import Testing

/// Runs catalogue rules over the fixture templates of `Fixtures/<theme>/` and prints their
/// findings the way `formation lint` does, without the file name: `line:col: severity ID LogicalId: message`.
enum LintFixture {
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  /// The fixture's text, read from the test bundle.
  static func text(_ theme: String, _ name: String) throws -> String {
    guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      throw Missing(description: "the Fixtures folder is not in the test bundle")
    }
    return try String(
      contentsOf: root.appendingPathComponent(theme).appendingPathComponent(name), encoding: .utf8)
  }

  /// The fixture as a template whose locations name `name`.
  static func template(_ theme: String, _ name: String) throws -> Template {
    try Template.parse(text(theme, name), file: name)
  }

  /// The findings of one rule over one fixture, as lines.
  static func lines(_ ruleID: String, _ theme: String, _ name: String) throws -> [String] {
    guard let rule = Catalogue.rule(id: ruleID) else {
      throw Missing(description: "no rule \(ruleID)")
    }
    return Engine(rules: [rule]).check(try template(theme, name)).map(line)
  }

  /// The findings of every catalogue rule, suppressions applied, as lines (suppressed ones marked).
  static func allLines(_ theme: String, _ name: String, rules: [Rule] = Catalogue.policy) throws
    -> [String]
  {
    let template = try template(theme, name)
    let findings = Engine(rules: rules).check(template)
    let pass = SuppressionPass(
      knownRules: Set(Catalogue.all.map(\.id)), rulesRun: Set(rules.map(\.id)))
    return pass.apply(to: findings, of: template).map(line)
  }

  static func line(_ finding: Finding) -> String {
    var text =
      "\(finding.location.line):\(finding.location.column): \(finding.severity.rawValue) \(finding.ruleID)"
    if let logicalID = finding.logicalID { text += " \(logicalID)" }
    text += ": \(finding.message)"
    if let suppression = finding.suppression {
      text += " [suppressed by \(suppression.source.rawValue): \(suppression.reason)]"
    }
    return text
  }
}
