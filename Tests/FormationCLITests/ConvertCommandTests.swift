import Foundation
import Testing

@testable import FormationCLI

/// `formation convert`: whole outputs, exit codes, and atomic `-o`.
@Suite struct ConvertCommandTests {
  static let yaml = """
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: {"Fn::Sub": "${AWS::StackName}-data"}
          Tags: [{Key: Version, Value: '1.10'}]
    AWSTemplateFormatVersion: "2010-09-09"
    Outputs:
      Arn:
        Value: {"Fn::GetAtt": [Bucket, Arn]}
    """

  static let json = """
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Resources": {
        "Bucket": {
          "Type": "AWS::S3::Bucket",
          "Properties": {
            "BucketName": {
              "Fn::Sub": "${AWS::StackName}-data"
            },
            "Tags": [
              {
                "Key": "Version",
                "Value": "1.10"
              }
            ]
          }
        }
      },
      "Outputs": {
        "Arn": {
          "Value": {
            "Fn::GetAtt": [
              "Bucket",
              "Arn"
            ]
          }
        }
      }
    }

    """

  static let canonicalYAML = """
    AWSTemplateFormatVersion: '2010-09-09'
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub ${AWS::StackName}-data
          Tags:
          - Key: Version
            Value: '1.10'
    Outputs:
      Arn:
        Value: !GetAtt Bucket.Arn

    """

  /// A fresh directory for one test.
  static func directory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convert-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func run(_ arguments: [String]) throws -> CommandResult {
    try ConvertCommand.parse(arguments).execute()
  }

  @Test func yamlBecomesJSONByDefault() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/stack.yaml"
    try Self.yaml.write(toFile: input, atomically: true, encoding: .utf8)
    #expect(try Self.run([input]) == CommandResult(standardOutput: Self.json, exitCode: 0))
  }

  @Test func jsonBecomesYAMLByDefault() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/stack.json"
    try Self.json.write(toFile: input, atomically: true, encoding: .utf8)
    #expect(try Self.run([input]) == CommandResult(standardOutput: Self.canonicalYAML, exitCode: 0))
  }

  /// `--to yaml` on a YAML file rewrites it in canonical form; a `.template` file holding JSON
  /// is recognised by its first byte.
  @Test func explicitTargetAndContentDetection() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let yamlInput = folder + "/stack.yaml"
    try Self.yaml.write(toFile: yamlInput, atomically: true, encoding: .utf8)
    #expect(try Self.run([yamlInput, "--to", "yaml"]).standardOutput == Self.canonicalYAML)
    let jsonInput = folder + "/stack.template"
    try Self.json.write(toFile: jsonInput, atomically: true, encoding: .utf8)
    #expect(try Self.run([jsonInput]).standardOutput == Self.canonicalYAML)
  }

  @Test func outputFileIsWrittenAndNothingElseIsLeft() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/stack.yaml"
    try Self.yaml.write(toFile: input, atomically: true, encoding: .utf8)
    let output = folder + "/stack.json"
    #expect(try Self.run([input, "-o", output]) == CommandResult(exitCode: 0))
    #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.json)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
        "stack.json", "stack.yaml",
      ])
    // Converting in place replaces the input atomically.
    #expect(try Self.run([input, "--to", "yaml", "--output", input]) == CommandResult(exitCode: 0))
    #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.canonicalYAML)
  }

  @Test func unwritableOutputIsAnErrorAndLeavesNoFile() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/stack.yaml"
    try Self.yaml.write(toFile: input, atomically: true, encoding: .utf8)
    let output = folder + "/missing/stack.json"
    let result = try Self.run([input, "-o", output])
    #expect(result.exitCode == 2)
    #expect(result.standardError == "error: cannot write \(output): No such file or directory\n")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func unreadableTemplateIsReportedWithItsLocation() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/broken.yaml"
    try "Resources:\n  A: [\n".write(toFile: input, atomically: true, encoding: .utf8)
    let output = folder + "/out.json"
    let result = try Self.run([input, "-o", output])
    #expect(result.exitCode == 2)
    #expect(result.standardOutput == "")
    #expect(result.standardError.hasPrefix("\(input):3:1: error E0004: "))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func missingFileAndDirectory() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(
      try Self.run([folder + "/none.yaml"])
        == CommandResult(
          standardError: "\(folder)/none.yaml:1:1: error E0001: cannot read the file: no such file or directory\n", exitCode: 2))
    #expect(
      try Self.run([folder])
        == CommandResult(
          standardError:
            "\(folder):1:1: error E0001: cannot read a folder: only regular files (and standard input) are templates\n",
          exitCode: 2))
  }

  @Test func unknownTargetIsAUsageError() {
    #expect(throws: (any Error).self) { try ConvertCommand.parse(["t.yaml", "--to", "xml"]) }
  }
}
