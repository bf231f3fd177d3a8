import Foundation
import Testing

@testable import FormationCLI

/// `.formation.yaml`: found from the working folder upwards, every key applied, every mistake an
/// error at its line and column with exit 2.
@Suite struct ConfigurationTests {
  static let unencryptedTopic = """
    Resources:
      Topic:
        Type: AWS::SNS::Topic
    """

  static let cleanTopic = LintCommandTests.clean

  @Test func everyKeyIsRead() throws {
    let root = try ScratchFolder.make([
      ".formation.yaml": """
      paths: [stacks]
      rules: ENC, IAM
      skip-rules: [ENC001]
      severity: error
      include: ["**/*.yaml"]
      exclude: [stacks/old]
      packs: [gxo]
      parameters:
        "stacks/prod-*.yaml": params/prod.json
      """
    ])
    let configuration = try ProjectConfiguration.load(explicit: nil, from: root + "/stacks/deep")
    #expect(configuration.file == root + "/.formation.yaml")
    #expect(configuration.paths == ["stacks"])
    #expect(configuration.rules == ["ENC", "IAM"])
    #expect(configuration.skipRules == ["ENC001"])
    #expect(configuration.severity == .error)
    #expect(configuration.include.map(\.pattern) == ["**/*.yaml"])
    #expect(configuration.exclude.map(\.pattern) == ["stacks/old"])
    #expect(configuration.packs == [.genexomics])
    #expect(configuration.parameterFile(for: root + "/stacks/prod-data.yaml") == root + "/params/prod.json")
    #expect(configuration.parameterFile(for: root + "/stacks/dev-data.yaml") == nil)
    #expect(configuration.excludes(root + "/stacks/old")?.pattern == "stacks/old")
    #expect(configuration.excludes(root + "/stacks/new") == nil)
    #expect(configuration.excludes(root + "/web/node_modules")?.pattern == "node_modules")
  }

  @Test func noFileGivesTheDefaults() throws {
    let root = try ScratchFolder.make(["a.yaml": Self.cleanTopic])
    let configuration = try ProjectConfiguration.load(explicit: nil, from: root)
    // The scratch folder's parents (the temporary folder, /) hold no configuration.
    #expect(configuration.file == nil)
    #expect(configuration.packs.isEmpty)
  }

  /// Each wrong configuration, the one line it prints and exit 2.
  @Test(arguments: [
    (
      "rule: [ENC]\n",
      "1:1: error CFG002: unknown key 'rule'; the keys are paths, rules, skip-rules, severity, include, exclude, packs, parameters"
    ),
    ("rules:\n  - ENC\n  - NOPE7\n", "3:5: error CFG004: 'NOPE7' is no rule id, id prefix, theme or family; see `formation lint --list-rules`"),
    ("severity: fatal\n", "1:11: error CFG004: severity must be info, warning, unknown or error"),
    ("packs: [gxo, acme]\n", "1:14: error CFG004: 'acme' is no rule pack; the packs are genexomics"),
    ("exclude: {a: b}\n", "1:10: error CFG003: exclude must be a list of strings"),
    ("- just\n- a list\n", "1:1: error CFG003: the configuration must be a mapping of keys (paths, rules, ...)"),
    (
      "paths: [a\n",
      "2:1: error CFG001: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1, column 8)"
    ),
  ])
  func wrongConfigurationIsAnErrorWithItsLocation(_ text: String, _ expected: String) throws {
    let root = try ScratchFolder.make([".formation.yaml": text, "t.yaml": Self.cleanTopic])
    let result = try LintCommand.parse([root + "/t.yaml"]).execute(workingDirectory: root)
    #expect(result.standardError == root + "/.formation.yaml:" + expected + "\n")
    #expect(result.standardOutput == "")
    #expect(result.exitCode == 2)
  }

  @Test func configurationNamedOnTheCommandLineIsRead() throws {
    let root = try ScratchFolder.make([
      "ci/formation.yaml": "severity: error\n", "t.yaml": Self.unencryptedTopic,
    ])
    let strict = try LintCommand.parse(["--rules", "TRN003", root + "/t.yaml"]).execute(
      workingDirectory: root)
    #expect(strict.exitCode == 1)
    let configured = try LintCommand.parse([
      "--config", root + "/ci/formation.yaml", "--rules", "TRN003", root + "/t.yaml",
    ]).execute(workingDirectory: root)
    // TRN003 is a warning: under `severity: error` it is printed but does not fail.
    #expect(
      configured.standardOutput
        == "\(root)/t.yaml:2:3: warning TRN003 Topic: topic has no AWS::SNS::TopicPolicy denying requests without TLS (Bool aws:SecureTransport false)\n"
    )
    #expect(configured.exitCode == 0)
    let missing = try LintCommand.parse(["--config", root + "/nope.yaml", root + "/t.yaml"])
      .execute(workingDirectory: root)
    #expect(
      missing.standardError
        == "\(root)/nope.yaml:1:1: error CFG001: cannot read the configuration file\n")
    #expect(missing.exitCode == 2)
  }

  @Test func commandLineWinsOverTheFile() throws {
    let root = try ScratchFolder.make([
      ".formation.yaml": "rules: [GXO]\nseverity: error\n", "t.yaml": Self.unencryptedTopic,
    ])
    let fromFile = try LintCommand.parse([root + "/t.yaml"]).execute(workingDirectory: root)
    #expect(fromFile.standardOutput == "")
    let overridden = try LintCommand.parse(["--rules", "ENC", "--severity", "warning", root + "/t.yaml"])
      .execute(workingDirectory: root)
    #expect(overridden.exitCode == 1)
    let ignored = try LintCommand.parse(["--no-config", "--rules", "ENC", root + "/t.yaml"])
      .execute(workingDirectory: root)
    #expect(ignored.exitCode == 1)
  }

  @Test func packsAreOffUnlessListedOrNamed() throws {
    let root = try ScratchFolder.make(["t.yaml": Self.cleanTopic])
    let plain = try LintCommand.parse(["--no-config", "--list-rules"]).execute(workingDirectory: root)
    #expect(!plain.standardOutput.contains("GXO"))
    let named = try LintCommand.parse(["--no-config", "--list-rules", "--rules", "GXO002"])
      .execute(workingDirectory: root)
    #expect(named.standardOutput.hasPrefix("ID      SEVERITY  THEME"))
    #expect(named.standardOutput.contains("\nGXO002  error"))
    let configured = try ScratchFolder.make([".formation.yaml": "packs: [gxo]\n"])
    let withPack = try LintCommand.parse(["--list-rules"]).execute(workingDirectory: configured)
    #expect(
      withPack.standardOutput.split(separator: "\n").filter { $0.hasPrefix("GXO") }.map {
        String($0.prefix(6))
      } == ["GXO001", "GXO002", "GXO003", "GXO004"])
  }

  @Test func pathsOfTheFileAreLintedWithNoArgument() throws {
    let root = try ScratchFolder.make([
      ".formation.yaml": "paths: [stacks]\n", "stacks/t.yaml": Self.unencryptedTopic,
      "other/u.yaml": Self.unencryptedTopic,
    ])
    let result = try LintCommand.parse(["--rules", "ENC004"]).execute(workingDirectory: root)
    #expect(
      result.standardOutput
        == "\(root)/stacks/t.yaml:2:3: error ENC004 Topic: topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key\n"
    )
    #expect(result.standardError == "1 error, 0 warnings in 1 file\n")
  }
}
