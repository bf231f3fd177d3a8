import Policy
import Template
import Testing

/// The engine runs a rule only on templates that declare one of its resource types (or on
/// every template, for a rule without types or one that judges beyond them).
@Suite struct RuleApplicabilityTests {
  /// A rule about queues that reports the template itself, whatever it holds: it reports
  /// exactly when the engine runs it.
  static func reportingRule(types: [String], judgesBeyondItsTypes: Bool = false) -> Rule {
    Rule(
      id: "TST001", title: "Test", severity: .error, family: .policy, theme: "test",
      resourceTypes: types, judgesBeyondItsTypes: judgesBeyondItsTypes, rationale: "Test.",
      remediation: "None."
    ) { context in [context.finding("ran")] }
  }

  static func template(_ type: String) -> Template {
    var template = Template(resources: ["Thing": Resource(type: type)])
    template.file = "applicability.yaml"
    return template
  }

  @Test func aRuleIsNotRunOnATemplateWithoutItsTypes() {
    let engine = Engine(rules: [Self.reportingRule(types: ["AWS::SQS::Queue"])])
    #expect(engine.check(Self.template("AWS::S3::Bucket")).isEmpty)
    #expect(engine.check(Self.template("AWS::SQS::Queue")).map(\.message) == ["ran"])
  }

  @Test func aRuleWithoutTypesOrJudgingBeyondThemRunsOnEveryTemplate() {
    let untyped = Engine(rules: [Self.reportingRule(types: [])])
    #expect(untyped.check(Self.template("AWS::S3::Bucket")).map(\.message) == ["ran"])
    let beyond = Engine(rules: [
      Self.reportingRule(types: ["AWS::SQS::Queue"], judgesBeyondItsTypes: true)
    ])
    #expect(beyond.check(Self.template("AWS::S3::Bucket")).map(\.message) == ["ran"])
  }

  /// SEC001 reads parameter defaults: a template of parameters alone is still judged.
  @Test func hardCodedSecretsAreFoundInATemplateWithoutResourcesOfTheRulesTypes() throws {
    let text = """
      Parameters:
        Token:
          Type: String
          Default: ghp_Z3kQm8Rx1vTa9WbP4cYh6JdLs2FgNe7UoKiY
      Resources:
        Topic:
          Type: AWS::SNS::Topic
      """
    let template = try Template.parse(Array(text.utf8), file: "secret.yaml").template
    let findings = Engine(rules: Catalogue.all).check(template).filter { $0.ruleID == "SEC001" }
    #expect(findings.map(\.logicalID) == ["Token"])
    #expect(findings.map(\.location.line) == [4])
  }
}
