import Policy
import Template
import Testing

/// COV001 and the opt-in packs: every resource no policy rule checks is named, by logical id,
/// location and type, and the GeneXOmics invariants stay off a stranger's template.
@Suite struct CoverageTests {
  static let theme = "coverage"
  static let core = LintOptions().enabled(Catalogue.policy)

  func lines(_ name: String, rules: [Rule] = core, options: LintOptions = LintOptions()) throws
    -> [String]
  {
    let template = try LintFixture.template(Self.theme, name)
    let findings = Engine(rules: rules, options: options).check(template)
    let pass = SuppressionPass(
      knownRules: Set(Catalogue.all.map(\.id)), rulesRun: Set(rules.map(\.id)))
    return pass.apply(to: findings, of: template).filter { $0.ruleID == "COV001" }.map(
      LintFixture.line)
  }

  @Test func everyUncheckedResourceIsNamed() throws {
    #expect(
      try lines("unchecked.yaml") == [
        "4:3: info COV001 Classifier: no policy rule checks AWS::Glue::Classifier; this resource passes unexamined",
        "10:3: info COV001 Nightly: no policy rule checks AWS::Glue::Workflow; this resource passes unexamined",
        "15:3: info COV001 Hourly: no policy rule checks AWS::Glue::Workflow; this resource passes unexamined",
        "20:3: info COV001 Reviewed: no policy rule checks AWS::Glue::Workflow; this resource passes unexamined [suppressed by formation: reviewed by the data team with its own Glue checklist]",
      ])
  }

  @Test func requiredCoverageMakesThemErrors() throws {
    let found = try lines("unchecked.yaml", options: LintOptions(requireCoverage: true))
    #expect(found.count == 4)
    #expect(
      found.first
        == "4:3: error COV001 Classifier: no policy rule checks AWS::Glue::Classifier; this resource passes unexamined"
    )
  }

  @Test func aTemplateOfCheckedTypesHasNone() throws {
    #expect(try lines("checked.yaml") == [])
  }

  @Test func theSummaryCountsUnsuppressedOnesByType() throws {
    let template = try LintFixture.template(Self.theme, "unchecked.yaml")
    let findings = SuppressionPass(
      knownRules: Set(Catalogue.all.map(\.id)), rulesRun: Set(Self.core.map(\.id))
    ).apply(to: Engine(rules: Self.core).check(template), of: template)
    let summary = TextReporter.summary(findings, files: 1)
    #expect(
      summary.hasSuffix(
        " in 1 file (1 suppressed); 3 resources of 2 types not checked: AWS::Glue::Workflow (2), AWS::Glue::Classifier (1)"
      ))
    #expect(!summary.contains("info"))
  }

  /// A rule added later covers its types by declaring them, with no list to update.
  @Test func aNewRuleCountsByItsResourceTypes() throws {
    let glueRule = Rule(
      id: "TST001", title: "test", severity: .warning, family: .policy, theme: "test",
      resourceTypes: ["AWS::Glue::Workflow"], rationale: "", remediation: ""
    ) { _ in [] }
    #expect(
      try lines("unchecked.yaml", rules: Self.core + [glueRule]) == [
        "4:3: info COV001 Classifier: no policy rule checks AWS::Glue::Classifier; this resource passes unexamined"
      ])
  }

  /// Structure and reference checks are not coverage: only policy rules count.
  @Test func correctnessChecksDoNotCount() throws {
    let rules = Catalogue.correctness + CoverageRules.rules
    #expect(try lines("checked.yaml", rules: rules).count == 2)
  }

  /// Every policy rule says which types it judges, so coverage cannot miss one; only the rules
  /// about suppressions and coverage themselves, and DEP003 (which judges Outputs), judge no
  /// resource.
  @Test func everyPolicyRuleDeclaresItsTypes() {
    let undeclared = Catalogue.policy.filter {
      $0.resourceTypes.isEmpty && ![SuppressionRules.theme, CoverageRules.theme].contains($0.theme)
        && $0.id != "DEP003"
    }
    #expect(undeclared.map(\.id) == [])
  }

  /// `acme-raw-events` is a raw bucket only to GeneXOmics: its rules are a pack, off by default.
  @Test func theGeneXOmicsPackIsOptIn() throws {
    let template = try LintFixture.template(Self.theme, "acme-raw-events.yaml")
    let byDefault = Engine(rules: LintOptions().enabled(Catalogue.all)).check(template)
    #expect(!byDefault.contains { $0.ruleID.hasPrefix("GXO") })
    let enabled = LintOptions(packs: [.genexomics]).enabled(Catalogue.all)
    #expect(
      Engine(rules: enabled).check(template).filter { $0.ruleID.hasPrefix("GXO") }.map(
        LintFixture.line) == [
          "20:17: error GXO002 IngestRole: IngestRole can write to the raw bucket RawEvents (s3:PutObject): allowed by statement 1"
        ])
    #expect(Invariants.rules.allSatisfy { $0.pack == .genexomics })
  }
}
