import Policy
import Template
import Testing

/// A checkov or cfn_nag suppression of a data or compute service check silences exactly the
/// Formation rule it maps to: every finding of that rule in the rule's failing fixture, and no
/// finding of any other rule on the same resources.
@Suite struct PeerIdReachTests {
  /// The rule families of the data, compute and service rules, whose mapped ids this suite covers.
  static let families = [
    "RDS", "EFS", "STR", "SRCH", "ECA", "RSH", "GDB", "EKS", "DDB", "IAM", "SEC", "TRL", "ELB",
    "CDN", "API", "MQ", "DMS", "TRF", "COG", "SFN", "MSK", "GLU", "ATH", "TSM", "QLD", "SGM",
    "BDR", "CBD", "WSP", "BAK", "APS", "VPE", "ECS", "LMB",
  ]

  struct Mapped: Sendable, CustomTestStringConvertible {
    var foreignID: String
    var source: Suppression.Source
    var ruleID: String
    var testDescription: String { "\(source.rawValue) \(foreignID) → \(ruleID)" }
  }

  static let mapped: [Mapped] = {
    func ours(_ rule: String) -> Bool {
      families.contains { rule.hasPrefix($0) && rule.dropFirst($0.count).allSatisfy(\.isNumber) }
        || rule == "ENC009"
    }
    let checkov = ForeignRuleMapping.checkov.filter { ours($0.value) }.map {
      Mapped(foreignID: $0.key, source: .checkov, ruleID: $0.value)
    }
    let cfnNag = ForeignRuleMapping.cfnNag.filter { ours($0.value) }.map {
      Mapped(foreignID: $0.key, source: .cfnNag, ruleID: $0.value)
    }
    return (checkov + cfnNag).sorted { $0.foreignID < $1.foreignID }
  }()

  @Test(arguments: mapped)
  func suppressesOnlyItsRule(_ mapped: Mapped) throws {
    let rule = try #require(Catalogue.rule(id: mapped.ruleID))
    let text = try LintFixture.text(rule.theme, "\(mapped.ruleID)-fail.yaml")
    let entry =
      mapped.source == .checkov
      ? "{checkov: {skip: [{id: \(mapped.foreignID), comment: accepted for the reach test}]}}"
      : "{cfn_nag: {rules_to_suppress: [{id: \(mapped.foreignID), reason: accepted for the reach test}]}}"
    let suppressed = text.replacingOccurrences(
      of: "\n    Type: ", with: "\n    Metadata: \(entry)\n    Type: ")
    let before = try Self.findings(text)
    let after = try Self.findings(suppressed)

    let silenced = after.filter { $0.ruleID == mapped.ruleID }
    #expect(!silenced.isEmpty)
    #expect(silenced.allSatisfy { $0.suppression?.source == mapped.source })
    let others = after.filter { $0.ruleID != mapped.ruleID && !$0.ruleID.hasPrefix("SUP") }
    #expect(others.allSatisfy { $0.suppression == nil })
    #expect(others.map(Self.key) == before.filter { $0.ruleID != mapped.ruleID }.map(Self.key))
  }

  static func findings(_ text: String) throws -> [Finding] {
    let template = try Template.parse(text, file: "reach.yaml")
    let findings = Engine(rules: Catalogue.policy).check(template)
    return SuppressionPass(
      knownRules: Set(Catalogue.all.map(\.id)), rulesRun: Set(Catalogue.policy.map(\.id))
    ).apply(to: findings, of: template)
  }

  static func key(_ finding: Finding) -> String {
    "\(finding.ruleID) \(finding.logicalID ?? "") \(finding.message)"
  }
}
