import Foundation
import Testing

@testable import FormationCLI

/// `--write-baseline` and `--baseline`: adopting Formation on a repository with findings.
@Suite struct BaselineTests {
  static let stack = """
    Resources:
      Topic:
        Type: AWS::SNS::Topic
      Queue:
        Type: AWS::SQS::Queue
        Properties:
          SqsManagedSseEnabled: true
    """

  static func lint(_ arguments: [String], in root: String) throws -> CommandResult {
    try LintCommand.parse(["--no-config", "--rules", "ENC004,ENC005"] + arguments).execute(
      workingDirectory: root)
  }

  @Test func baselineAcceptsTodaysFindingsAndSurvivesReformatting() throws {
    let root = try ScratchFolder.make(["stacks/app.yaml": Self.stack])
    let baseline = root + "/.formation-baseline.json"
    let written = try Self.lint(["--write-baseline", baseline, root + "/stacks"], in: root)
    #expect(
      written.standardError
        == "2 errors, 0 warnings in 1 file\nwrote 2 findings to the baseline \(baseline)\n")
    #expect(written.exitCode == 0)
    let text = try String(contentsOfFile: baseline, encoding: .utf8)
    #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"tool\": \"formation 0.1.0\",\n  \"findings\": [\n"))
    #expect(text.contains(#""rule": "ENC004", "file": "stacks/app.yaml", "logicalId": "Topic", "message": "topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key"}"#))
    #expect(!text.contains("\"line\""))

    // Moved and reformatted: comments above, resources swapped, flow style, JSON-style quoting.
    try """
      # moved down by a comment
      # and another

      Resources:
        Queue: {Type: "AWS::SQS::Queue", Properties: {SqsManagedSseEnabled: true}}

        Topic:
            Type:   'AWS::SNS::Topic'
      """.write(toFile: root + "/stacks/app.yaml", atomically: true, encoding: .utf8)
    let same = try Self.lint(["--baseline", baseline, root + "/stacks"], in: root)
    #expect(same.standardOutput == "")
    #expect(
      same.standardError
        == "baseline: 0 new, 2 in the baseline, 0 fixed since\n0 errors, 0 warnings in 1 file (2 suppressed)\n"
    )
    #expect(same.exitCode == 0)
  }

  @Test func newFindingsFailAndFixedOnesAreReported() throws {
    let root = try ScratchFolder.make(["app.yaml": Self.stack])
    let baseline = root + "/baseline.json"
    _ = try Self.lint(["--write-baseline", baseline, root + "/app.yaml"], in: root)
    try """
      Resources:
        Topic:
          Type: AWS::SNS::Topic
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            KmsMasterKeyId: alias/queues
        Alerts:
          Type: AWS::SNS::Topic
      """.write(toFile: root + "/app.yaml", atomically: true, encoding: .utf8)
    let result = try Self.lint(["--baseline", baseline, root + "/app.yaml"], in: root)
    #expect(
      result.standardOutput
        == "\(root)/app.yaml:8:3: error ENC004 Alerts: topic has no KmsMasterKeyId; its messages are not encrypted with a customer-managed key\n"
    )
    #expect(
      result.standardError == """
        baseline: 1 new, 1 in the baseline, 1 fixed since
        fixed: app.yaml: ENC005 Queue: queue uses SQS-managed SSE (SqsManagedSseEnabled), which is not a customer-managed key; set KmsMasterKeyId
        1 error, 0 warnings in 1 file (1 suppressed)

        """)
    #expect(result.exitCode == 1)
    let json = try Self.lint(["--baseline", baseline, "--format", "json", root + "/app.yaml"], in: root)
    #expect(
      json.standardOutput.contains(
        #""summary": {"files": 1, "skipped": 0, "errors": 1, "warnings": 0, "unknown": 0, "info": 0, "suppressed": 1, "new": 1, "baselined": 1, "fixed": 1, "failed": true}"#
      ))
    #expect(json.standardOutput.contains(#""suppression": { "reason": "in the baseline \#(baseline)", "source": "baseline" }"#))
  }

  @Test func wrongBaselineIsAnError() throws {
    let root = try ScratchFolder.make(["app.yaml": Self.stack, "b.json": "[1, 2]", "c.json": "{\"version\": 1, \"findings\": [{\"rule\": \"X\"}]}"])
    let notOne = try Self.lint(["--baseline", root + "/b.json", root + "/app.yaml"], in: root)
    #expect(
      notOne.standardError
        == "\(root)/b.json:1:1: error CFG003: not a Formation baseline (version 1, findings); write one with --write-baseline\n"
    )
    #expect(notOne.exitCode == 2)
    let entry = try Self.lint(["--baseline", root + "/c.json", root + "/app.yaml"], in: root)
    #expect(
      entry.standardError
        == "\(root)/c.json:1:29: error CFG003: a baseline entry needs a fingerprint and a rule\n")
    let missing = try Self.lint(["--baseline", root + "/nope.json", root + "/app.yaml"], in: root)
    #expect(missing.standardError == "\(root)/nope.json:1:1: error CFG001: cannot read the baseline file\n")
    #expect(throws: (any Error).self) {
      try LintCommand.parse(["--baseline", "a", "--write-baseline", "b"])
    }
  }

  @Test(arguments: [
    ("it is already defined at line 6 in the same mapping", "it is already defined in the same mapping"),
    ("a  b\n c", "a b c"),
    ("port 22 on 0.0.0.0/0", "port 22 on 0.0.0.0/0"),
  ])
  func messagesAreNormalised(_ message: String, _ normalised: String) {
    #expect(FindingFingerprint.normalised(message) == normalised)
  }
}
