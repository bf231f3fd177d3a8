import Foundation
import Testing

@testable import FormationCLI

/// `lint --parameters FILE` and `.formation.yaml`'s `parameters`: values resolve what would
/// otherwise be unknown.
@Suite struct ParameterTests {
  static let group = """
    Parameters:
      AllowedCidr:
        Type: String
      Port:
        Type: Number
        Default: 22
    Resources:
      Group:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin access
          SecurityGroupIngress:
            - {IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: !Ref AllowedCidr}
    """

  static func lint(_ arguments: [String], files: [String: String]) throws -> (CommandResult, String) {
    let root = try ScratchFolder.make(files.merging(["sg.yaml": group]) { a, _ in a })
    let result = try LintCommand.parse(
      ["--rules", "NET002"] + arguments.map { $0.replacingOccurrences(of: "<root>", with: root) }
    ).execute(workingDirectory: root)
    return (result, root)
  }

  @Test func withoutValuesTheRangeIsUnknown() throws {
    let (result, root) = try Self.lint(["--no-config", "<root>/sg.yaml"], files: [:])
    #expect(
      result.standardOutput
        == "\(root)/sg.yaml:13:77: unknown NET002 Group: cannot tell whether the ingress range is narrower than the internet: parameter AllowedCidr has no default\n"
    )
  }

  /// The AWS CLI's list form: the finding is decided, and points at the parameter's declaration.
  @Test func listFormResolvesTheParameter() throws {
    let (result, root) = try Self.lint(
      ["--no-config", "--parameters", "<root>/open.json", "<root>/sg.yaml"],
      files: [
        "open.json": """
        [
          {"ParameterKey": "AllowedCidr", "ParameterValue": "0.0.0.0/0"},
          {"ParameterKey": "Port", "ParameterValue": "3389"},
          {"ParameterKey": "Unused", "UsePreviousValue": true}
        ]
        """
      ])
    #expect(
      result.standardOutput
        == "\(root)/sg.yaml:2:3: error NET002 Group: security group allows ingress from 0.0.0.0/0 on tcp port 3389\n"
    )
    #expect(result.exitCode == 1)
  }

  @Test func parametersFormAndConfiguredGlob() throws {
    let (result, _) = try Self.lint(
      ["<root>/sg.yaml"],
      files: [
        "params/private.json": #"{"Parameters": {"AllowedCidr": "10.20.0.0/16"}}"#,
        ".formation.yaml": "parameters:\n  \"sg*.yaml\": params/private.json\n",
      ])
    #expect(result.standardOutput == "")
    #expect(result.standardError == "0 errors, 0 warnings in 1 file\n")
    #expect(result.exitCode == 0)
  }

  @Test(arguments: [
    (#"{"Parameters": [1]}"#, #"1:1: error CFG003: a parameter file is a list of {"ParameterKey": ..., "ParameterValue": ...} or {"Parameters": {"Key": "value"}}"#),
    (#"[{"ParameterValue": "x"}]"#, "1:2: error CFG003: each entry needs a ParameterKey string"),
    (#"[{"ParameterKey": "A"}]"#, "1:2: error CFG003: parameter A has no ParameterValue"),
    (#"{"Parameters": {"A": {"b": 1}}}"#, "1:22: error CFG003: the value of parameter A must be a string, number or list"),
    (
      "[",
      "1:2: error CFG001: the file ends in the middle of the JSON document (the '[' at line 1, column 1 is never closed)"
    ),
  ])
  func wrongParameterFileIsAnError(_ text: String, _ expected: String) throws {
    let (result, root) = try Self.lint(
      ["--no-config", "--parameters", "<root>/p.json", "<root>/sg.yaml"], files: ["p.json": text])
    #expect(result.standardError == "\(root)/p.json:" + expected + "\n")
    #expect(result.exitCode == 2)
  }
}
