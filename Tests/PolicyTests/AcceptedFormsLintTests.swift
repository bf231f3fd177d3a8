import Policy
import Template
import Testing

/// Every rule reads what CloudFormation deploys: both branches of `Properties: !If` (and of a
/// whole resource written as `!If`), each finding naming the condition, and the resources a
/// `Fn::ForEach` generates, each finding naming the generated logical id at the loop body.
@Suite struct AcceptedFormsLintTests {
  static let theme = "accepted-forms"

  /// ENC011: the secret's `Properties: !If` omits KmsKeyId in its false branch only.
  @Test func conditionalPropertiesAreCheckedInBothBranches() throws {
    #expect(
      try LintFixture.lines("ENC011", Self.theme, "conditional-properties-fail.yaml") == [
        "15:9: warning ENC011 Secret: secret has no KmsKeyId; it uses the AWS managed key aws/secretsmanager (when condition HasKey is false)"
      ])
  }

  /// ENC003: the table written as `!If` is encrypted with a customer key in one branch only.
  @Test func conditionalResourceBodyIsCheckedInBothBranches() throws {
    #expect(
      try LintFixture.lines("ENC003", Self.theme, "conditional-properties-fail.yaml") == [
        "26:9: error ENC003 Table: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key (when condition HasKey is false)"
      ])
  }

  @Test func conditionalPropertiesWithAKeyInEachBranchPass() throws {
    #expect(try LintFixture.lines("ENC011", Self.theme, "conditional-properties-pass.yaml") == [])
  }

  /// Four tables from one `Fn::ForEach`, none encrypted with a customer key: four findings,
  /// each naming its table, located at the loop body.
  @Test func tablesGeneratedByALoopAreEachChecked() throws {
    #expect(
      try LintFixture.lines("ENC003", Self.theme, "foreach-tables-fail.yaml") == [
        "7:7: error ENC003 TableEvents: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        "7:7: error ENC003 TableJobs: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        "7:7: error ENC003 TableRuns: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        "7:7: error ENC003 TableSteps: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
      ])
  }

  @Test func encryptedTablesGeneratedByALoopPass() throws {
    #expect(try LintFixture.lines("ENC003", Self.theme, "foreach-tables-pass.yaml") == [])
  }

  /// Without the transform nothing is expanded: the loop is not a resource CloudFormation makes.
  @Test func loopsAreExpandedOnlyUnderTheTransform() throws {
    var template = try LintFixture.template(Self.theme, "foreach-tables-fail.yaml")
    #expect(template.expandingLanguageExtensions().resources.keys == [
      "TableRuns", "TableJobs", "TableSteps", "TableEvents",
    ])
    template.transform = nil
    #expect(template.expandingLanguageExtensions().resources.keys == ["Fn::ForEach::Tables"])
  }
}
