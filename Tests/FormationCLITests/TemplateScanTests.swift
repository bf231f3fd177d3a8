import Foundation
import Testing

@testable import FormationCLI

/// Folder scans read CloudFormation templates only, leave out dependency and build folders, and
/// say what they skipped.
@Suite struct TemplateScanTests {
  /// A project folder as a CDK or Node repository has it, with one template among other YAML and JSON.
  static func project() throws -> String {
    try ScratchFolder.make([
      "infra/app.yaml": ConfigurationTests.cleanTopic,
      "infra/app.json": #"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Key": {"Type": "AWS::KMS::Key", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain", "Properties": {"EnableKeyRotation": true}}}}"#,
      "package.json": #"{"name": "app", "dependencies": {"Resources": "1.0"}, "scripts": {}}"#,
      "tsconfig.json": #"{"compilerOptions": {"strict": true}}"#,
      "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
      "k8s/deploy.yaml": "apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n",
      "cdk.out/manifest.json": #"{"version": "36.0.0", "artifacts": {}}"#,
      "cdk.out/App.template.json": #"{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}}"#,
      "node_modules/lib/template.yaml": "Resources:\n  X:\n    Type: AWS::SNS::Topic\n",
      "README.md": "# app\n",
    ])
  }

  @Test func projectFolderLintsOnlyItsTemplates() throws {
    let root = try Self.project()
    let result = try LintCommand.parse(["--no-config", "--rules", "ENC", root]).execute(workingDirectory: root)
    #expect(result.standardOutput == "")
    #expect(
      result.standardError
        == "skipped 6 paths (4 not CloudFormation templates, 2 excluded); --verbose lists them\n0 errors, 0 warnings in 2 files\n"
    )
    #expect(result.exitCode == 0)
  }

  @Test func verboseListsWhatWasSkippedAndWhy() throws {
    let root = try Self.project()
    let result = try LintCommand.parse(["--no-config", "--rules", "ENC", "--verbose", root]).execute(
      workingDirectory: root)
    #expect(
      result.standardError == """
        skipped \(root)/cdk.out/: excluded (cdk.out)
        skipped \(root)/docker-compose.yml: not a CloudFormation template (no Resources or AWSTemplateFormatVersion at the top)
        skipped \(root)/k8s/deploy.yaml: not a CloudFormation template (no Resources or AWSTemplateFormatVersion at the top)
        skipped \(root)/node_modules/: excluded (node_modules)
        skipped \(root)/package.json: not a CloudFormation template (no Resources or AWSTemplateFormatVersion at the top)
        skipped \(root)/tsconfig.json: not a CloudFormation template (no Resources or AWSTemplateFormatVersion at the top)
        0 errors, 0 warnings in 2 files

        """)
  }

  @Test func validateSkipsTheSameFiles() throws {
    let root = try Self.project()
    let result = try ValidateCommand.parse(["--no-config", root]).execute()
    #expect(result.standardOutput == "")
    #expect(
      result.standardError
        == "skipped 6 paths (4 not CloudFormation templates, 2 excluded); --verbose lists them\n0 errors, 0 warnings in 2 files\n"
    )
    #expect(result.exitCode == 0)
  }

  @Test func excludesAndIncludesOfTheConfigurationApply() throws {
    let root = try Self.project()
    try "exclude: [infra/*.json]\ninclude: [infra]\n".write(
      toFile: root + "/.formation.yaml", atomically: true, encoding: .utf8)
    let result = try LintCommand.parse(["--rules", "ENC", "--verbose", root]).execute(workingDirectory: root)
    #expect(
      result.standardError == """
        skipped \(root)/cdk.out/: excluded (cdk.out)
        skipped \(root)/docker-compose.yml: not matched by include
        skipped \(root)/infra/app.json: excluded (infra/*.json)
        skipped \(root)/k8s/deploy.yaml: not matched by include
        skipped \(root)/node_modules/: excluded (node_modules)
        skipped \(root)/package.json: not matched by include
        skipped \(root)/tsconfig.json: not matched by include
        0 errors, 0 warnings in 1 file

        """)
  }

  /// A file named on the command line is read whatever it holds: the user asked for it.
  @Test func namedFileIsReadEvenWhenNotATemplate() throws {
    let root = try Self.project()
    let result = try LintCommand.parse(["--no-config", root + "/node_modules/lib/template.yaml"])
      .execute(workingDirectory: root)
    #expect(result.standardError.hasSuffix("in 1 file\n"))
  }

  @Test func folderWithoutTemplatesIsAUsageError() throws {
    let root = try ScratchFolder.make(["package.json": "{}", "node_modules/a.yaml": "a: 1"])
    let result = try LintCommand.parse(["--no-config", "--rules", "ENC", root]).execute(workingDirectory: root)
    #expect(
      result.standardError
        == "error: no CloudFormation templates found in \(root); skipped 2 paths (1 not a CloudFormation template, 1 excluded)\n"
    )
    #expect(result.exitCode == 2)
  }

  @Test(arguments: [
    ("Resources:\n  A: {Type: X}\n", true),
    ("AWSTemplateFormatVersion: '2010-09-09'\n", true),
    ("\"Resources\" : {}\n", true),
    ("# Resources: in a comment\nkind: Pod\n", false),
    ("spec:\n  Resources:\n    cpu: 1\n", false),
    ("apiVersion: v1\n---\nResources: {}\n", true),
    (#"  {"Resources": {}}"#, true),
    (#"{"Outputs": {"Resources": 1}, "a": "\"Resources\":"}"#, false),
    (#"{"a": ["Resources", {"b": 1}]}"#, false),
  ])
  func sniffLooksAtTopLevelKeysOnly(_ text: String, _ isTemplate: Bool) {
    #expect(TemplateSniff.isTemplate(Array(text.utf8)) == isTemplate)
  }

  @Test(arguments: [
    ("node_modules", "web/node_modules/x/a.yaml", true),
    ("*.json", "a/b/c.json", true),
    ("*.json", "a/b/c.yaml", false),
    ("Tests/*/Fixtures", "Tests/PolicyTests/Fixtures/x/a.yaml", true),
    ("Tests/*/Fixtures", "Other/Tests/PolicyTests/Fixtures/a.yaml", false),
    ("examples/insecure/**", "examples/insecure/a.yaml", true),
    ("**/*.template.json", "cdk/out/App.template.json", true),
    ("**/*.template.json", "App.template.json", true),
    ("stacks/prod-?.yaml", "stacks/prod-1.yaml", true),
    ("stacks/prod-?.yaml", "stacks/prod-12.yaml", false),
    ("./generated/", "generated/a.yaml", true),
  ])
  func globsMatchLikeGitignore(_ pattern: String, _ path: String, _ matches: Bool) {
    #expect(PathGlob(pattern).matches(path) == matches)
  }
}
