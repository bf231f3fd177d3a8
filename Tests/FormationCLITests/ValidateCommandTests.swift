import Foundation
import Testing

@testable import FormationCLI

/// `formation validate` end to end: parsed from a command line, run in process, whole output compared.
@Suite struct ValidateCommandTests {
  static let good = """
    Parameters:
      Env:
        Type: String
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "${Env}-data"
    """

  static let bad = """
    Parameters:
      Unused:
        Type: String
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Ref BucketNme
      Queue:
        Type: AWS::SQS::Queue
        DependsOn: Topic
    """

  static let broken = """
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Type: AWS::SQS::Queue
    """

  /// A scratch folder with the three templates, a file that is not a template and a hidden folder.
  static func makeTree() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "validate-\(UUID().uuidString)")
    let files = [
      "good.yaml": good, "nested/bad.yml": bad, "nested/deeper/broken.template": broken,
      "notes.txt": bad,
      ".hidden/bad.yaml": bad, ".build-x/bad.yaml": bad, "docs/readme.md": "# notes",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  /// Parses `arguments` as the `formation` command line and runs `validate` in process, with the
  /// scratch folder's path replaced by `<root>` in the output.
  static func run(_ arguments: [String], root: URL) throws -> CommandResult {
    let command = try FormationCommand.parseAsRoot(arguments)
    let validate = try #require(command as? ValidateCommand)
    var result = validate.execute()
    result.standardOutput = result.standardOutput.replacingOccurrences(
      of: root.path, with: "<root>")
    result.standardError = result.standardError.replacingOccurrences(of: root.path, with: "<root>")
    return result
  }

  @Test func cleanTemplateExitsZero() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Self.run(
      ["validate", root.appendingPathComponent("good.yaml").path], root: root)
    #expect(
      result
        == CommandResult(
          standardOutput: "", standardError: "0 errors, 0 warnings in 1 file\n", exitCode: 0))
  }

  @Test func errorsExitOne() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Self.run(
      ["validate", root.appendingPathComponent("nested/bad.yml").path], root: root)
    #expect(
      result.standardOutput == """
        <root>/nested/bad.yml:2:3: warning TPL016: parameter 'Unused' is never referenced
        <root>/nested/bad.yml:8:19: error TPL006: Ref to 'BucketNme', which is not a parameter, resource or pseudo parameter; did you mean 'Bucket'?
        <root>/nested/bad.yml:11:16: error TPL010: resource 'Queue' depends on 'Topic', which is not a resource

        """)
    #expect(result.standardError == "2 errors, 1 warning in 1 file\n")
    #expect(result.exitCode == 1)
  }

  /// A directory is searched recursively, skipping hidden folders and files of other extensions;
  /// an unreadable template makes the exit code 2 while the others are still checked.
  @Test func directoryWithUnreadableTemplateExitsTwo() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Self.run(["validate", root.path], root: root)
    #expect(
      result.standardOutput == """
        <root>/nested/bad.yml:2:3: warning TPL016: parameter 'Unused' is never referenced
        <root>/nested/bad.yml:8:19: error TPL006: Ref to 'BucketNme', which is not a parameter, resource or pseudo parameter; did you mean 'Bucket'?
        <root>/nested/bad.yml:11:16: error TPL010: resource 'Queue' depends on 'Topic', which is not a resource
        <root>/nested/deeper/broken.template:4:5: error E0006: duplicate key 'Type': it is already defined at line 3 in the same mapping; remove or rename one of them

        """)
    #expect(result.standardError == "3 errors, 1 warning in 3 files\n")
    #expect(result.exitCode == 2)
  }

  @Test func jsonFormat() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Self.run(
      ["validate", "--format", "json", root.appendingPathComponent("nested/bad.yml").path],
      root: root)
    #expect(
      result.standardOutput == """
        {
          "version": 1,
          "tool": {"name": "formation", "version": "0.1.0", "command": "validate"},
          "summary": {"files": 1, "skipped": 0, "errors": 2, "warnings": 1, "unknown": 0, "info": 0, "suppressed": 0, "failed": true},
          "findings": [
            {
              "column": 3,
              "file": "<root>/nested/bad.yml",
              "line": 2,
              "logicalId": "Unused",
              "message": "parameter 'Unused' is never referenced",
              "path": null,
              "rule": "TPL016",
              "severity": "warning"
            },
            {
              "column": 19,
              "file": "<root>/nested/bad.yml",
              "line": 8,
              "logicalId": "Bucket",
              "message": "Ref to 'BucketNme', which is not a parameter, resource or pseudo parameter; did you mean 'Bucket'?",
              "path": "Properties.BucketName",
              "rule": "TPL006",
              "severity": "error"
            },
            {
              "column": 16,
              "file": "<root>/nested/bad.yml",
              "line": 11,
              "logicalId": "Queue",
              "message": "resource 'Queue' depends on 'Topic', which is not a resource",
              "path": "DependsOn",
              "rule": "TPL010",
              "severity": "error"
            }
          ]
        }

        """)
    #expect(result.exitCode == 1)
  }

  /// A template over CloudFormation's 1 MB limit is still read and checked; the reader's W0001
  /// is printed as a warning and does not fail the run.
  @Test func oversizedTemplateIsAWarning() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let big = root.appendingPathComponent("big.yaml")
    let text =
      "Metadata:\n  Padding: \(String(repeating: "x", count: 1_000_000))\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
    try Data(text.utf8).write(to: big)
    let result = try Self.run(["validate", big.path], root: root)
    #expect(
      result
        == CommandResult(
          standardOutput:
            "<root>/big.yaml:1:1: warning W0001: the file is 1000068 bytes, over CloudFormation's 1000000-byte template limit; split it into nested stacks\n",
          standardError: "0 errors, 1 warning in 1 file\n", exitCode: 0))
  }

  @Test func noPathsIsBadUsage() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    // --no-config: the repository's own .formation.yaml names paths, which validate would read.
    let result = try Self.run(["validate", "--no-config"], root: root)
    #expect(
      result
        == CommandResult(
          standardError: "error: no paths given; pass template files or directories\n", exitCode: 2)
    )
  }

  @Test func missingPathIsBadUsage() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Self.run(
      ["validate", root.appendingPathComponent("nope.yaml").path], root: root)
    #expect(
      result
        == CommandResult(
          standardError: "error: no such file or directory: <root>/nope.yaml\n", exitCode: 2))
  }

  @Test func folderWithoutTemplatesIsBadUsage() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Self.run(["validate", root.appendingPathComponent("docs").path], root: root)
    #expect(
      result
        == CommandResult(
          standardError:
            "error: no CloudFormation templates found in <root>/docs\n",
          exitCode: 2))
  }

  /// The discovery order is sorted by path and does not depend on the order the file system lists entries.
  @Test func discoveryIsSortedAndSkipsHiddenFolders() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let files = try TemplateDiscovery.files(in: [
      root.path, root.appendingPathComponent("good.yaml").path,
    ])
    #expect(
      files.map { $0.replacingOccurrences(of: root.path, with: "<root>") } == [
        "<root>/good.yaml", "<root>/nested/bad.yml", "<root>/nested/deeper/broken.template",
      ])
  }

  /// The built `formation` binary exits with the documented codes (0, 1, 2) when run as a process.
  @Test(.enabled(if: FormationBinary.url != nil, "the formation executable is built next to the tests"))
  func binaryExitCodes() throws {
    let binary = try #require(FormationBinary.url)
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    func exitCode(_ arguments: [String]) throws -> Int32 {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    }
    #expect(try exitCode(["validate", root.appendingPathComponent("good.yaml").path]) == 0)
    #expect(try exitCode(["validate", root.appendingPathComponent("nested/bad.yml").path]) == 1)
    #expect(try exitCode(["validate", root.path]) == 2)
    #expect(try exitCode(["validate", "--no-config"]) == 2)
    #expect(try exitCode(["validate", root.appendingPathComponent("nope").path]) == 2)
  }
}
