import Policy
import Template
import Testing

/// Suppressions: Formation's own (scoped, reasoned), cfn_nag's and checkov's mapped ones, and
/// the SUP001 (unused) and SUP002 (invalid) findings about suppressions themselves.
@Suite struct SuppressionTests {
  static let rules = [
    "ENC001", "PUB001", "NET001", "LOG001", "LOG002", "DAT001", "SUP001", "SUP002",
  ].compactMap(
    Catalogue.rule(id:))

  @Test func suppressedUnusedAndInvalid() throws {
    #expect(
      try LintFixture.allLines("suppressions", "suppressions.yaml", rules: Self.rules) == [
        "3:3: warning DAT001 Raw: bucket has no lifecycle rules; objects are kept in their first storage class forever",
        "3:3: error ENC001 Raw: bucket sets no BucketEncryption, so S3 encrypts with SSE-S3, whose keys AWS owns; set aws:kms with a customer-managed key [suppressed by formation: objects are public reference genomes, encrypted by S3 default]",
        "3:3: warning LOG001 Raw: bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging) [suppressed by cfn_nag: CloudTrail data events cover this bucket]",
        "3:3: warning LOG002 Raw: bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered [suppressed by checkov: reference data is immutable; versioning adds nothing]",
        "13:13: warning SUP001 Raw: suppression of NET001 matches no finding of Raw; remove it or fix its scope",
        "15:13: error SUP002 Raw: suppression of LOG002 has no reason; say why the finding is accepted",
        "17:21: error SUP002 Raw: suppression of LOG002 has a reason shorter than 10 characters; say why the finding is accepted",
        "18:19: error SUP002 Raw: suppression names XYZ999, which is no rule of the catalogue",
        "22:13: error SUP002 Raw: suppression has unknown key owner; expected rule, reason, path, action or statement",
        "33:13: error SUP002 Raw: checkov suppression of CKV_AWS_53 (PUB001) has no comment; say why the finding is accepted",
        "36:9: error PUB001 Raw: RestrictPublicBuckets is not set and defaults to false [suppressed by formation: policy-based public read for the reference mirror]",
      ])
  }

  /// A checkov entry Formation did not need may still be needed by checkov: said as info, with
  /// advice that does not tell the user to delete it.
  @Test func unusedForeignSuppressionIsInfoThatKeepsThePeerInMind() throws {
    let rules = ["LOG001", "SUP001"].compactMap(Catalogue.rule(id:))
    #expect(
      try LintFixture.allLines("suppressions", "unused-checkov.yaml", rules: rules) == [
        "7:13: info SUP001 Logged: suppression of checkov CKV_AWS_18 (LOG001) matches no finding of Logged; keep it only if checkov still reports it"
      ])
  }

  @Test func suppressListMustBeAList() throws {
    let rules = ["LOG004", "SUP002"].compactMap(Catalogue.rule(id:))
    #expect(
      try LintFixture.allLines("suppressions", "not-a-list.yaml", rules: rules) == [
        "3:3: warning LOG004 Logs: log group has no RetentionInDays, so it keeps events forever",
        "7:19: error SUP002 Logs: formation.suppress must be a list of {rule, reason} entries, not a mapping",
      ])
  }

  @Test func suppressionsOfRulesThatDidNotRunAreNotJudged() throws {
    let rules = ["ENC001", "SUP001"].compactMap(Catalogue.rule(id:))
    let lines = try LintFixture.allLines("suppressions", "suppressions.yaml", rules: rules)
    #expect(lines.allSatisfy { !$0.contains("SUP001") })
  }

  @Test func scopeNarrowsToOneActionOrStatement() {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
    var finding = Finding(
      ruleID: "IAM003", severity: .warning, message: "m", logicalID: "Role", location: here)
    finding.scope = ["action": "s3:GetObject", "statement": "ReadRaw"]
    let byAction = DeclaredSuppression(
      logicalID: "Role", ruleID: "IAM003", reason: "read access is by design",
      scope: ["action": "S3:GETOBJECT"],
      location: here)
    let otherAction = DeclaredSuppression(
      logicalID: "Role", ruleID: "IAM003", reason: "read access is by design",
      scope: ["action": "s3:PutObject"],
      location: here)
    let byStatement = DeclaredSuppression(
      logicalID: "Role", ruleID: "iam003", reason: "read access is by design",
      scope: ["statement": "ReadRaw"],
      location: here)
    let otherResource = DeclaredSuppression(
      logicalID: "Other", ruleID: "IAM003", reason: "read access is by design", location: here)
    #expect(byAction.covers(finding))
    #expect(!otherAction.covers(finding))
    #expect(byStatement.covers(finding))
    #expect(!otherResource.covers(finding))
  }

  @Test func foreignIdsMapToCatalogueRules() {
    let ids = Set(Catalogue.all.map(\.id))
    for (foreign, formation) in ForeignRuleMapping.cfnNag.merging(
      ForeignRuleMapping.checkov, uniquingKeysWith: { a, _ in a })
    {
      #expect(
        ids.contains(formation), "\(foreign) maps to \(formation), which is not in the catalogue")
    }
  }
}
