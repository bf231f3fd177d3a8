import Policy
import Testing

/// Encryption in transit: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct EncryptionInTransitTests {
  static let theme = "encryption-in-transit"

  @Test(arguments: EncryptionInTransit.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: EncryptionInTransit.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func trn001() throws {
    #expect(
      try LintFixture.lines("TRN001", Self.theme, "TRN001-fail.yaml") == [
        "5:3: error TRN001 NoPolicy: bucket has no AWS::S3::BucketPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "14:9: error TRN001 AllowOnlyPolicy: policy for bucket AllowOnly has no Deny for every principal and s3:* on requests without TLS (Bool aws:SecureTransport false)",
        "30:15: error TRN001 OnlyWhenStrictPolicy: bucket OnlyWhenStrict denies requests without TLS (Bool aws:SecureTransport false) only when condition Strict is true",
      ])
  }

  @Test func trn002() throws {
    #expect(
      try LintFixture.lines("TRN002", Self.theme, "TRN002-fail.yaml") == [
        "10:9: warning TRN002 RawPolicy: policy for bucket Raw has no Deny for every principal and s3:* on TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)"
      ])
  }

  @Test func trn003() throws {
    #expect(
      try LintFixture.lines("TRN003", Self.theme, "TRN003-fail.yaml") == [
        "3:3: warning TRN003 Alerts: topic has no AWS::SNS::TopicPolicy denying requests without TLS (Bool aws:SecureTransport false)",
        "12:9: warning TRN003 EventsPolicy: policy for topic Events has no Deny for every principal and sns:Publish on requests without TLS (Bool aws:SecureTransport false)",
      ])
  }

  @Test func trn004() throws {
    #expect(
      try LintFixture.lines("TRN004", Self.theme, "TRN004-fail.yaml") == [
        "3:3: warning TRN004 Jobs: queue has no AWS::SQS::QueuePolicy denying requests without TLS (Bool aws:SecureTransport false)"
      ])
  }

  /// A policy the template does not spell out may hold the deny: only the unknown finding,
  /// never also "has no Deny" (examples/real-world/include-transform.yaml).
  @Test func policiesNotSpelledOutAreOnlyUnknown() throws {
    let prefix = "cannot tell whether"
    #expect(
      try LintFixture.lines("TRN001", Self.theme, "TRN-unknown.yaml") == [
        "16:9: unknown TRN001 IncludedBucketPolicy: \(prefix) bucket IncludedBucket denies requests without TLS (Bool aws:SecureTransport false): the policy document cannot be read: a macro (AWS::Include) computes the value",
        "29:13: unknown TRN001 ParameterBucketPolicy: \(prefix) bucket ParameterBucket denies requests without TLS (Bool aws:SecureTransport false): statement 1 has a Bool aws:SecureTransport value that cannot be read: parameter SecureTransportFlag has no default",
      ])
    #expect(
      try LintFixture.lines("TRN002", Self.theme, "TRN-unknown.yaml") == [
        "16:9: unknown TRN002 IncludedBucketPolicy: \(prefix) bucket IncludedBucket denies TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2): the policy document cannot be read: a macro (AWS::Include) computes the value",
        "27:9: warning TRN002 ParameterBucketPolicy: policy for bucket ParameterBucket has no Deny for every principal and s3:* on TLS below 1.2 (NumericLessThan s3:TlsVersion 1.2)",
      ])
    #expect(
      try LintFixture.lines("TRN003", Self.theme, "TRN-unknown.yaml") == [
        "43:9: unknown TRN003 EventsPolicy: \(prefix) topic Events denies requests without TLS (Bool aws:SecureTransport false): the policy document cannot be read: a macro (AWS::Include) computes the value"
      ])
    #expect(
      try LintFixture.lines("TRN004", Self.theme, "TRN-unknown.yaml") == [
        "56:13: unknown TRN004 JobsPolicy: \(prefix) queue Jobs denies requests without TLS (Bool aws:SecureTransport false): statement 1 cannot be read: imported from another stack with Fn::ImportValue shared-deny-insecure-transport"
      ])
  }
}
