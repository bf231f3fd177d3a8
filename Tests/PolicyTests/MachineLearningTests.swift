import Policy
import Testing

/// MachineLearning: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct MachineLearningTests {
  static let theme = "machine-learning"

  static let failures: [String: [String]] = [
      "BDR001": [
        "3:3: warning BDR001 Helper: agent encrypts with an AWS owned key (no CustomerEncryptionKeyArn)",
      ],
      "SGM001": [
        "3:3: warning SGM001 Notebook: storage is not encrypted with a customer-managed key (no KmsKeyId)",
      ],
      "SGM002": [
        "7:9: warning SGM002 Quality: job output is not encrypted with a customer-managed key (no DataQualityJobOutputConfig.KmsKeyId)",
      ],
      "SGM003": [
        "7:24: warning SGM003 Quality: job volumes are not encrypted with a customer-managed key (no VolumeKmsKeyId)",
      ],
      "SGM004": [
        "6:22: warning SGM004 Quality: traffic between job instances is not encrypted (EnableInterContainerTrafficEncryption is not set)",
      ],
      "SGM005": [
        "3:3: warning SGM005 Scorer: model container may reach the network (EnableNetworkIsolation is not set)",
      ],
      "SGM006": [
        "8:85: warning SGM006 Notebook: notebook accepts IMDSv1 (MinimumInstanceMetadataServiceVersion: 1)",
      ],
  ]

  @Test(arguments: MachineLearning.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: MachineLearning.rules.map(\.id))
  func failingFixtureGivesExactlyItsFindings(_ id: String) throws {
    let expected = try #require(Self.failures[id])
    #expect(!expected.isEmpty)
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-fail.yaml") == expected)
  }
}
