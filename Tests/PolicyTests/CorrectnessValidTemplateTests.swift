import Foundation
import Testing

@testable import Policy
@testable import Template

/// No false positives: realistic valid templates (VPC, SAM, language extensions, JSON with tabs,
/// cfn-init with multi-line Sub) and every passing fixture give no finding from the whole family.
@Suite struct CorrectnessValidTemplateTests {
  @Test(arguments: [
    "valid/network.yaml", "valid/foreach-literal.yaml", "valid/static-site.json",
    "valid/instance-with-custom-resource.yaml",
  ])
  func realisticTemplatesHaveNoFindings(_ name: String) throws {
    #expect(try CorrectnessFixtures.findings(name) == [])
  }

  /// Valid templates whose transforms the checks say something about: only that, as info.
  @Test func transformedTemplatesHaveOnlyTheirNotes() throws {
    #expect(try CorrectnessFixtures.findings("valid/serverless.yaml") == ["2:1 info TPL030 -"])
    #expect(
      try CorrectnessFixtures.findings("valid/foreach.yaml") == [
        "10:7 info TPL031 Fn::ForEach::Topics", "25:7 info TPL031 Fn::ForEach::TopicArns",
      ])
  }

  @Test(
    arguments: ((1...22) + [30, 31]).map { String(format: "TPL%03d-pass.yaml", $0) }
      + (1...26).map { String(format: "SCH%03d-pass.yaml", $0) })
  func passingFixturesHaveNoFindings(_ name: String) throws {
    // TPL001's passing fixture is a SAM template (its `Globals` section is valid there): the
    // only finding is the note that the SAM transform's output is not known.
    let expected = name == "TPL001-pass.yaml" ? ["2:1 info TPL030 -"] : []
    #expect(try CorrectnessFixtures.findings(name) == expected)
  }

  /// Each check of the family has a stable id, a title, a rationale and a remediation, and the
  /// catalogue lists them in id order.
  @Test func catalogueEntriesAreComplete() {
    let rules = Catalogue.correctness
    #expect(
      rules.map(\.id)
        == ((1...22) + [30, 31]).map { String(format: "TPL%03d", $0) }
        + (1...26).map { String(format: "SCH%03d", $0) })
    for rule in rules {
      #expect(rule.family == .correctness)
      #expect(!rule.title.isEmpty && !rule.rationale.isEmpty && !rule.remediation.isEmpty)
    }
    #expect(Catalogue.rule(id: "tpl015")?.title == "Dependency cycle between resources")
  }
}
