import Foundation
import Testing

@testable import FormationCLI

/// `formation diff --fail-on`: repeatable and comma lists, `security-worse`, and the summary's
/// will-replace and may-replace counts.
@Suite struct DiffGateTests {
  static let table = """
    Parameters:
      Stage: {Type: String}
    Resources:
      Runs:
        Type: AWS::DynamoDB::Table
        DeletionPolicy: Retain
        UpdateReplacePolicy: Retain
        Properties:
          TableName: runs
          BillingMode: PAY_PER_REQUEST
          KeySchema: [{AttributeName: RunId, KeyType: HASH}]
          AttributeDefinitions: [{AttributeName: RunId, AttributeType: S}]
          SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: alias/data}
          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: false}
      Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "raw-${Stage}"
    """

  /// Writes the deployed table and a proposed one with `edit` applied; diffs them with `arguments`.
  static func diff(_ edit: (String) -> String, _ arguments: [String]) throws -> (
    output: String, error: String, exitCode: Int32
  ) {
    let root = try ScratchFolder.make([
      "deployed.yaml": table, "proposed.yaml": edit(table),
    ])
    return try DiffCommand.parse(
      ["--no-findings", root + "/deployed.yaml", root + "/proposed.yaml", "--quiet"] + arguments
    ).execute(color: false)
  }

  static func pointInTimeRecoveryOn(_ text: String) -> String {
    text.replacingOccurrences(
      of: "PointInTimeRecoveryEnabled: false", with: "PointInTimeRecoveryEnabled: true")
  }

  static func encryptionOff(_ text: String) -> String {
    text.replacingOccurrences(
      of: "{SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: alias/data}", with: "{SSEEnabled: false}")
  }

  @Test func turningProtectionOnPassesSecurityWorseButFailsSecurity() throws {
    let worse = try Self.diff(Self.pointInTimeRecoveryOn, ["--fail-on", "security-worse"])
    #expect(worse.exitCode == 0)
    let any = try Self.diff(Self.pointInTimeRecoveryOn, ["--fail-on", "security"])
    #expect(any.exitCode == 1)
  }

  @Test func turningProtectionOffFailsSecurityWorse() throws {
    let result = try Self.diff(Self.encryptionOff, ["--fail-on", "security-worse"])
    #expect(result.exitCode == 1)
  }

  @Test func gatesAreRepeatableAndCommaSeparated() throws {
    // Renaming the table replaces it: a replacement, not a security change.
    func rename(_ text: String) -> String {
      text.replacingOccurrences(of: "TableName: runs", with: "TableName: runs-v2")
    }
    #expect(try Self.diff(rename, ["--fail-on", "security"]).exitCode == 0)
    #expect(try Self.diff(rename, ["--fail-on", "security", "--fail-on", "replacement"]).exitCode == 1)
    #expect(try Self.diff(rename, ["--fail-on", "security,replacement"]).exitCode == 1)
    #expect(try Self.diff(rename, ["--fail-on", "security-worse,data-loss"]).exitCode == 0)
    #expect(throws: (any Error).self) {
      try DiffCommand.parse(["a", "b", "--fail-on", "security,nope"])
    }
  }

  /// The table's new name is spelt out: it will be replaced. The bucket's name is computed
  /// from a parameter, which the differ does not resolve: it may be replaced.
  @Test func willAndMayReplaceAreCountedApart() throws {
    func both(_ text: String) -> String {
      text.replacingOccurrences(of: "TableName: runs", with: "TableName: runs-v2")
        .replacingOccurrences(of: "raw-${Stage}", with: "raw-${Stage}-v2")
    }
    let result = try Self.diff(both, [])
    #expect(
      result.error
        == "formation diff: 1 stack: 1 changed, 0 unchanged; resources: 0 added, 0 removed, 2 modified; 1 will replace, 1 may replace; 0 security changes; 1 data-loss warning\n"
    )
  }
}
