import Foundation
import FormationCLI
import Testing

/// `--require-coverage` and `--pack` end to end: what lint prints and how it exits.
@Suite struct LintCoverageTests {
  static let glue = """
    Resources:
      Nightly:
        Type: AWS::Glue::Workflow
        Properties:
          Name: nightly
          Description: nightly batch
    """

  static func file() throws -> String {
    let path = NSTemporaryDirectory() + "formation-coverage-\(UUID().uuidString).yaml"
    try glue.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func uncheckedResourcesAreCountedInTheSummary() throws {
    let path = try Self.file()
    let result = try LintCommand.parse([path]).execute()
    #expect(result.standardOutput == "")
    #expect(
      result.standardError
        == "0 errors, 0 warnings in 1 file; 1 resource of 1 type not checked: AWS::Glue::Workflow (1)\n")
    #expect(result.exitCode == 0)
  }

  @Test func requireCoverageMakesThemErrors() throws {
    let path = try Self.file()
    let result = try LintCommand.parse(["--require-coverage", path]).execute()
    #expect(
      result.standardOutput
        == "\(path):2:3: error COV001 Nightly: no policy rule checks AWS::Glue::Workflow; this resource passes unexamined\n"
    )
    #expect(result.exitCode == 1)
  }

  @Test func jsonListsThemAsInfoFindings() throws {
    let path = try Self.file()
    let result = try LintCommand.parse(["--format", "json", path]).execute()
    #expect(result.standardOutput.contains("\"rule\": \"COV001\""))
    #expect(result.standardOutput.contains("\"severity\": \"info\""))
  }

  @Test func anUnknownPackIsAUsageError() throws {
    let result = try LintCommand.parse(["--pack", "acme", try Self.file()]).execute()
    #expect(result.exitCode == 2)
    #expect(result.standardError == "error: 'acme' is no rule pack; the packs are genexomics\n")
  }

  /// `explain` says how far each foreign id reaches, and knows cfn-guard's names.
  @Test func explainNamesThePartAForeignIdReaches() throws {
    let pub002 = try ExplainCommand.parse(["PUB002"]).execute().standardOutput
    #expect(
      pub002.contains(
        "equivalent ids: cfn_nag F14 (ACL publicreadwrite only), cfn_nag W31 (ACL publicread only), checkov CKV_AWS_20 (ACL publicread, publicreadwrite only), checkov CKV_AWS_57 (ACL publicreadwrite only), cfn-guard S3_BUCKET_PUBLIC_READ_PROHIBITED (ACL publicread, publicreadwrite only), cfn-guard S3_BUCKET_PUBLIC_WRITE_PROHIBITED (ACL publicreadwrite only)\n"
      ))
    let guardName = try ExplainCommand.parse(["S3_BUCKET_SSL_REQUESTS_ONLY"]).execute()
    #expect(
      guardName.standardOutput.hasPrefix(
        "S3_BUCKET_SSL_REQUESTS_ONLY is cfn-guard's id; the equivalent Formation rule is TRN001.\n"))
  }
}
