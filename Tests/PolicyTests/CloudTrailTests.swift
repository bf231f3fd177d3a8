import Policy
import Testing

/// CloudTrail: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct CloudTrailTests {
  static let theme = "cloudtrail"

  static let failures: [String: [String]] = [
      "TRL001": [
        "3:3: warning TRL001 Plain: trail has no KMSKeyId; its log files are encrypted only with SSE-S3",
        "13:17: warning TRL001 AwsManaged: uses the AWS managed key alias/aws/s3, not a customer-managed key",
      ],
      "TRL002": [
        "5:3: error TRL002 Unset: trail does not validate its log files: EnableLogFileValidation is not set and defaults to false",
        "15:51: error TRL002 Off: trail log file validation is disabled (EnableLogFileValidation: false) (when condition IsProd is false)",
      ],
      "TRL003": [
        "8:27: warning TRL003 Regional: trail records one region only (IsMultiRegionTrail: false)",
        "9:3: warning TRL003 Unset: trail records one region only: IsMultiRegionTrail is not set and defaults to false",
      ],
  ]

  @Test(arguments: CloudTrail.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: CloudTrail.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
