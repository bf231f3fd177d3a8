import ArgumentParser
import Foundation
import Policy
import Semantics
import Testing

@testable import FormationCLI

/// What code scanning, editors and CI read: rule pages and their links, SARIF paths, the rule
/// list as JSON, the version, standard input.
@Suite struct CodeScanningTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// docs/rules holds exactly the pages the catalogue gives, byte for byte.
  @Test func rulePagesAreCurrent() throws {
    let folder = Self.repository.appendingPathComponent("docs/rules")
    let expected = RulePage.all()
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".md")
    }
    #expect(
      Set(onDisk) == Set(expected.map(\.fileName)),
      "run `swift run formation explain --write-pages docs/rules`")
    for page in expected {
      let text = try? String(contentsOf: folder.appendingPathComponent(page.fileName), encoding: .utf8)
      #expect(text == page.text, "\(page.fileName) is stale; run `swift run formation explain --write-pages docs/rules`")
    }
  }

  @Test func explainPrintsThePageAsMarkdown() throws {
    let gxo = try ExplainCommand.parse(["GXO002", "--format", "markdown"]).execute()
    let rule = try #require(Catalogue.rule(id: "GXO002"))
    #expect(gxo.standardOutput.hasPrefix("# GXO002: \(rule.title)\n\n| | |\n|---|---|\n| Severity | error |\n"))
    #expect(gxo.standardOutput.contains("\n| Pack | `genexomics`: off unless `.formation.yaml` lists it under `packs:` |\n"))
    let enc = try ExplainCommand.parse(["ENC004", "--format", "markdown"]).execute()
    #expect(enc.standardOutput.contains("\n| Equivalent ids | cfn_nag W47, checkov CKV_AWS_26 |\n"))
    #expect(!enc.standardOutput.contains("| Pack |"))
    // "Any encryption" (cfn_nag W41, checkov CKV_AWS_19) reaches nothing of ENC001.
    let bucket = try ExplainCommand.parse(["ENC001", "--format", "markdown"]).execute()
    #expect(!bucket.standardOutput.contains("Equivalent ids"))
  }

  /// A relative path with `..`, and the base directory given relatively too, map to the path
  /// inside the repository; each rule links to its page.
  @Test func sarifURIsAreRelativeToTheBaseDirectoryAndRulesLinkTheirPages() throws {
    let root = try ScratchFolder.make([
      "repo/stacks/t.yaml": ConfigurationTests.unencryptedTopic, "repo/.git/HEAD": "ref: main\n",
    ])
    let viaParent = root + "/repo/stacks/../stacks/t.yaml"
    let explicit = try LintCommand.parse([
      "--no-config", "--rules", "ENC004", "--format", "sarif", "--base-directory",
      root + "/repo/stacks/..", viaParent,
    ]).execute(workingDirectory: root)
    #expect(explicit.standardOutput.contains(#""uri": "stacks/t.yaml""#))
    #expect(
      explicit.standardOutput.contains(
        #""helpUri": "https://github.com/genexomics/formation/blob/main/docs/rules/ENC004.md""#))
    #expect(
      explicit.standardOutput.contains(
        #""informationUri": "https://github.com/genexomics/formation""#))
    // Without --base-directory: the top of the git work tree around the working folder.
    let fromGit = try LintCommand.parse([
      "--no-config", "--rules", "ENC004", "--format", "sarif", viaParent,
    ]).execute(workingDirectory: root + "/repo/stacks")
    #expect(fromGit.standardOutput.contains(#""uri": "stacks/t.yaml""#))
    // A file outside the base directory keeps an absolute file URI.
    let outside = try LintCommand.parse([
      "--no-config", "--rules", "ENC004", "--format", "sarif", "--base-directory",
      root + "/repo/stacks", root + "/repo/stacks/t.yaml",
    ]).execute(workingDirectory: root)
    #expect(outside.standardOutput.contains(#""uri": "t.yaml""#))
    let reporter = SARIFReporter(rules: [], baseDirectory: root + "/repo/stacks")
    #expect(reporter.uri(root + "/elsewhere/a b.yaml") == "file://\(root)/elsewhere/a%20b.yaml")
  }

  @Test func listRulesAsJSON() throws {
    let result = try LintCommand.parse([
      "--no-config", "--list-rules", "--format", "json", "--rules", "NET001,GXO004",
    ]).execute()
    let net = try #require(Catalogue.rule(id: "NET001"))
    let gxo = try #require(Catalogue.rule(id: "GXO004"))
    func types(_ rule: Rule) -> String {
      rule.resourceTypes.map { "\"\($0)\"" }.joined(separator: ", ")
    }
    #expect(
      result.standardOutput == """
        {
          "version": 1,
          "tool": {"name": "formation", "version": "\(FormationRelease.version)", "command": "list-rules"},
          "rules": [
            {"id": "GXO004", "title": "\(gxo.title)", "severity": "error", "family": "policy", "theme": "\(gxo.theme)", "resourceTypes": [\(types(gxo))], "pack": "genexomics", "helpUri": "https://github.com/genexomics/formation/blob/main/docs/rules/GXO004.md"},
            {"id": "NET001", "title": "Subnet does not assign public IP addresses on launch", "severity": "warning", "family": "policy", "theme": "network-isolation", "resourceTypes": ["AWS::EC2::Subnet"], "pack": null, "helpUri": "https://github.com/genexomics/formation/blob/main/docs/rules/NET001.md"}
          ]
        }

        """)
  }

  @Test func lintJSONIsAVersionedEnvelope() throws {
    let root = try ScratchFolder.make([
      "t.yaml": ConfigurationTests.unencryptedTopic, "package.json": "{}",
    ])
    let result = try LintCommand.parse([
      "--no-config", "--rules", "ENC004", "--format", "json", root,
    ]).execute(workingDirectory: root)
    #expect(
      result.standardOutput == """
        {
          "version": 1,
          "tool": {"name": "formation", "version": "\(FormationRelease.version)", "command": "lint"},
          "summary": {"files": 1, "skipped": 1, "errors": 1, "warnings": 0, "unknown": 0, "info": 0, "suppressed": 0, "failed": true},
          "findings": [
            {
              "column": 3,
              "file": "\(root)/t.yaml",
              "line": 2,
              "logicalId": "Topic",
              "message": "topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key",
              "path": "Properties.KmsMasterKeyId",
              "rule": "ENC004",
              "severity": "error"
            }
          ]
        }

        """)
    #expect(result.exitCode == 1)
  }

  /// The binary end to end: `--version`, and `-` reading standard input.
  @Test(.enabled(if: FormationBinary.url != nil))
  func versionAndStandardInput() throws {
    let binary = try #require(FormationBinary.url)
    func run(_ arguments: [String], input: String = "") throws -> (String, String, Int32) {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      let stdin = Pipe()
      let stdout = Pipe()
      let stderr = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = stderr
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      let out = stdout.fileHandleForReading.readDataToEndOfFile()
      let err = stderr.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (
        String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self),
        process.terminationStatus
      )
    }
    #expect(try run(["--version"]).0 == FormationRelease.version + "\n")
    let lint = try run(
      ["lint", "--no-config", "--rules", "ENC004", "-"], input: ConfigurationTests.unencryptedTopic)
    #expect(
      lint.0
        == "<stdin>:2:3: error ENC004 Topic: topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key\n"
    )
    #expect(lint.1 == "1 error, 0 warnings in 1 file\n")
    #expect(lint.2 == 1)
    let validate = try run(["validate", "--no-config", "-"], input: "Resources:\n  A:\n    Type: [\n")
    #expect(validate.0.hasPrefix("<stdin>:4:1: error E0004: "))
    #expect(validate.2 == 2)
  }

  /// Help is written as paragraphs: no line of `validate --help` ends mid-sentence before a
  /// shorter line that continues it.
  @Test func validateHelpWrapsAsParagraphs() {
    let help = ValidateCommand.helpMessage(columns: 80)
    let discussion = help.components(separatedBy: "\nUSAGE:").first ?? help
    #expect(
      discussion == """
        OVERVIEW: Check templates for structure and reference errors.

        Prints one finding per line, `file:line:col: error|warning CODE: message`, in a
        stable order, and a summary on standard error. Folders are searched as by
        `lint`: CloudFormation templates only, without node_modules, cdk.out, .build,
        .git and the excludes of .formation.yaml; `-` reads a template from standard
        input.

        Exit status: 0 when no errors were found (warnings do not fail), 1 when a
        template has errors, 2 when a file cannot be read or the command line is wrong.

        """)
  }
}

/// Every command's help is written as paragraphs that ArgumentParser wraps: at 80 columns, no
/// line of a paragraph but its last is short (a manual break mid-sentence) or ends in `\`.
@Suite struct HelpParagraphTests {
  static let commands: [any ParsableCommand.Type] = [
    ValidateCommand.self, ConvertCommand.self, LintCommand.self, DiffCommand.self,
    ExplainCommand.self, GraphCommand.self,
  ]

  @Test(arguments: commands.map { ObjectIdentifier($0) })
  func discussionIsParagraphs(_ id: ObjectIdentifier) {
    guard let command = Self.commands.first(where: { ObjectIdentifier($0) == id }) else { return }
    let help = command.helpMessage(columns: 80)
    let discussion = help.components(separatedBy: "\nUSAGE:").first ?? help
    let lines = discussion.components(separatedBy: "\n")
    for (line, next) in zip(lines, lines.dropFirst()) where !next.isEmpty && !line.isEmpty {
      #expect(line.count >= 60, "\(command._commandName): short line before '\(next)': '\(line)'")
      #expect(!line.hasSuffix("\\"), "\(command._commandName): '\(line)'")
    }
  }
}
