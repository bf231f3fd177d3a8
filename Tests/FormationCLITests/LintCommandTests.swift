import Foundation
import Policy
import Testing

@testable import FormationCLI

/// `formation lint` and `formation explain` end to end: parsed from a command line, run in
/// process, outputs and exit codes compared.
@Suite struct LintCommandTests {
  static let clean = """
    Resources:
      Topic:
        Type: AWS::SNS::Topic
        Properties:
          KmsMasterKeyId: alias/genexomics-messaging
    """

  static let insecure = """
    Resources:
      Volume:
        Type: AWS::EC2::Volume
        Properties:
          AvailabilityZone: eu-west-1a
          Size: 10
      Repository:
        Type: AWS::ECR::Repository
        Metadata:
          formation:
            suppress:
              - rule: LOG006
                reason: "tags are moved on purpose by the release job"
        Properties:
          ImageScanningConfiguration: {ScanOnPush: true}
          EncryptionConfiguration: {EncryptionType: KMS, KmsKey: arn:aws:kms:eu-west-1:111122223333:key/abc}
    """

  /// Two tables from one `Fn::ForEach`, not encrypted with a customer key, the rule suppressed
  /// in the loop body's Metadata: the suppression covers every table the loop generates.
  static let loop = """
    Transform: AWS::LanguageExtensions
    Resources:
      Fn::ForEach::Tables:
        - Name
        - [Runs, Jobs]
        - Table${Name}:
            Type: AWS::DynamoDB::Table
            Metadata:
              formation:
                suppress:
                  - rule: ENC003
                    reason: "public reference data"
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              KeySchema: [{AttributeName: id, KeyType: HASH}]
    """

  static let duplicate = """
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Type: AWS::SQS::Queue
    """

  /// A scratch folder holding the templates above.
  static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "formation-lint-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in [
      ("clean.yaml", clean), ("insecure.yaml", insecure), ("duplicate.yaml", duplicate),
      ("loop.yaml", loop),
    ] {
      try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }
    return path
  }

  /// The command as a stranger's repository runs it: without this repository's .formation.yaml.
  static func run(_ arguments: [String]) throws -> CommandResult {
    try LintCommand.parse(["--no-config"] + arguments).execute()
  }

  @Test func cleanTemplateExitsZero() throws {
    let dir = try Self.folder()
    let result = try Self.run([
      "--rules", "ENC,DAT,LOG,TRN", dir + "/clean.yaml", "--skip-rules", "DAT,TRN",
    ])
    #expect(result.standardOutput == "")
    #expect(result.standardError == "0 errors, 0 warnings in 1 file\n")
    #expect(result.exitCode == 0)
  }

  @Test func findingsAtOrAboveTheThresholdExitOne() throws {
    let dir = try Self.folder()
    let file = dir + "/insecure.yaml"
    let result = try Self.run(["--rules", "ENC010,LOG006", file])
    #expect(
      result.standardOutput
        == "\(file):2:3: error ENC010 Volume: volume is not encrypted: Encrypted is not set (and the account default is not part of the template)\n"
    )
    #expect(result.standardError == "1 error, 0 warnings in 1 file (1 suppressed)\n")
    #expect(result.exitCode == 1)
    let shown = try Self.run(["--rules", "ENC010,LOG006", "--show-suppressed", file])
    #expect(
      shown.standardOutput.hasSuffix(
        "\(file):7:3: warning LOG006 Repository: repository tags are mutable (ImageTagMutability defaults to MUTABLE) [suppressed (formation): tags are moved on purpose by the release job]\n"
      ))
  }

  @Test func suppressionsInALoopBodyCoverWhatItGenerates() throws {
    let file = try Self.folder() + "/loop.yaml"
    let result = try Self.run(["--rules", "ENC003", "--show-suppressed", file])
    #expect(
      result.standardOutput == """
        \(file):6:7: error ENC003 TableJobs: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key [suppressed (formation): public reference data]
        \(file):6:7: error ENC003 TableRuns: table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key [suppressed (formation): public reference data]

        """)
    #expect(result.exitCode == 0)
  }

  @Test func severityThreshold() throws {
    let dir = try Self.folder()
    let file = dir + "/insecure.yaml"
    // The volume and the repository without DeletionPolicy are DAT002 warnings: at the default
    // threshold (warning) they fail the run, under `--severity error` they do not.
    #expect(try Self.run(["--rules", "DAT002", file]).exitCode == 1)
    #expect(try Self.run(["--rules", "DAT002", "--severity", "error", file]).exitCode == 0)
    #expect(try Self.run(["--rules", "LOG005,ENC007", file]).exitCode == 0)
    #expect(try Self.run(["--rules", "NET005,LOG004", "--severity", "info", file]).exitCode == 0)
    #expect(try Self.run(["--rules", "ENC010", "--severity", "error", file]).exitCode == 1)
    #expect(try Self.run(["--rules", "ENC010", "--skip-rules", "ENC010", file]).exitCode == 0)
  }

  @Test func unreadableInputExitsTwo() throws {
    let dir = try Self.folder()
    let result = try Self.run([dir + "/duplicate.yaml"])
    #expect(result.exitCode == 2)
    #expect(result.standardOutput.contains("duplicate.yaml:4:5: error E0006"))
  }

  @Test func badUsageExitsTwo() throws {
    let dir = try Self.folder()
    let unknownRule = try Self.run(["--rules", "NOPE1", dir])
    #expect(unknownRule.exitCode == 2)
    #expect(
      unknownRule.standardError
        == "error: 'NOPE1' is no rule id, id prefix, theme or family; see `formation lint --list-rules`\n"
    )
    #expect(try Self.run([dir + "/missing.yaml"]).exitCode == 2)
    #expect(throws: (any Error).self) { try LintCommand.parse(["--format", "xml", dir]) }
    #expect(throws: (any Error).self) { try LintCommand.parse(["--severity", "fatal", dir]) }
  }

  @Test func jsonKeepsSuppressedFindings() throws {
    let dir = try Self.folder()
    let result = try Self.run(["--rules", "LOG006", "--format", "json", dir + "/insecure.yaml"])
    let envelope = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(envelope["version"] as? Int == 1)
    let objects = try #require(envelope["findings"] as? [[String: Any]])
    #expect(objects.count == 1)
    #expect(objects.first?["rule"] as? String == "LOG006")
    let suppression = objects.first?["suppression"] as? [String: Any]
    #expect(suppression?["reason"] as? String == "tags are moved on purpose by the release job")
    #expect(result.exitCode == 0)
  }

  @Test func sarifForCodeScanning() throws {
    let dir = try Self.folder()
    let result = try Self.run([
      "--rules", "ENC010,LOG006", "--format", "sarif", "--base-directory", dir,
      dir + "/insecure.yaml",
    ])
    let log = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(
      (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [
        "ENC010", "LOG006",
      ])
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.compactMap { $0["ruleId"] as? String } == ["ENC010", "LOG006"])
    let location =
      (results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "insecure.yaml")
    #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 2)
    let suppressions = results[1]["suppressions"] as? [[String: Any]]
    #expect(
      suppressions?.first?["justification"] as? String
        == "tags are moved on purpose by the release job")
    #expect(result.exitCode == 1)
  }

  @Test func listRulesPrintsTheCatalogue() throws {
    let result = try Self.run(["--list-rules", "--rules", "BAT"])
    #expect(
      result.standardOutput == """
        ID      SEVERITY  THEME             TITLE
        BAT001  error     batch-and-events  Batch job definition does not run privileged containers
        BAT002  error     batch-and-events  Batch compute environment uses a launch template that encrypts EBS volumes
        BAT003  warning   batch-and-events  EventBridge rule target for a Lambda function has a dead-letter queue
        BAT004  warning   batch-and-events  DataSync task logs to CloudWatch Logs
        BAT005  error     batch-and-events  DataSync task verifies transferred data
        BAT006  error     batch-and-events  No Batch role can disable, delete or re-own KMS keys
        6 rules

        """)
    #expect(result.exitCode == 0)
    let core = LintOptions().enabled(Catalogue.all)
    #expect(core.count < Catalogue.all.count)
    #expect(try Self.run(["--list-rules"]).standardOutput.contains("\n\(core.count) rules\n"))
    #expect(
      try Self.run(["--list-rules", "--pack", "genexomics"]).standardOutput.contains(
        "\n\(Catalogue.all.count) rules\n"))
  }

  @Test func explainPrintsTheRule() throws {
    let result = try ExplainCommand.parse(["net005"]).execute()
    #expect(result.exitCode == 0)
    #expect(
      result.standardOutput.hasPrefix(
        """
        NET005: EC2 instance, launch template or launch configuration requires IMDSv2 (HttpTokens: required)
        severity:       error
        family/theme:   policy / network-isolation
        resource types: AWS::EC2::LaunchTemplate, AWS::EC2::Instance, AWS::AutoScaling::LaunchConfiguration
        equivalent ids: checkov CKV_AWS_79

        rationale:
        """))
    let foreign = try ExplainCommand.parse(["W35"]).execute()
    #expect(
      foreign.standardOutput.hasPrefix(
        "W35 is cfn_nag's id; the equivalent Formation rule is LOG001.\n\nLOG001: "))
    let missing = try ExplainCommand.parse(["ENC999"]).execute()
    #expect(missing.exitCode == 2)
  }

  /// The pre-merge gate on the GeneXOmics stacks in generated/: the themed policy
  /// rules (and suppressions) find nothing that is not suppressed with a reason.
  @Test func blueprintsAreCleanForTheThemedRules() throws {
    let result = try Self.run(["generated", "--rules", "ENC,TRN,PUB,NET,LOG,DAT,BAT,SUP"])
    #expect(result.standardOutput == "")
    #expect(result.exitCode == 0)
  }
}
