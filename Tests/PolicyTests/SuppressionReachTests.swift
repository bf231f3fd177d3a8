import Foundation
import Policy
import Template
import Testing

/// Every mapped cfn_nag, checkov and cfn-guard id reaches exactly the findings its own check is
/// about: each case lists the findings the suppression silences (`line:col RULE`) and one it
/// must leave visible (another aspect of the same rule, or the resource's next rule).
@Suite struct SuppressionReachTests {
  struct Case: Sendable, CustomStringConvertible {
    var id: String
    var source: Suppression.Source
    var fixture: String
    var values: [String: String] = [:]
    var silences: [String]
    var leaves: String

    var description: String { "\(source.rawValue) \(id)" }
  }

  static let defaults = [
    "__ACL__": "PublicReadWrite", "__KEY__": "!Ref AWS::NoValue", "__ECR__": "AES256",
    "__PRINCIPAL__": "s3.amazonaws.com",
  ]

  /// The findings of the core rules on the fixture with `id` suppressed on every resource:
  /// those it silences and those left, as `line:col RULE`.
  static func outcome(_ reach: Case) throws -> (silenced: [String], visible: [String]) {
    let meta: String
    switch reach.source {
    case .checkov: meta = "{checkov: {skip: [{id: \(reach.id), comment: accepted in this test}]}}"
    case .cfnNag:
      meta = "{cfn_nag: {rules_to_suppress: [{id: \(reach.id), reason: accepted in this test}]}}"
    case .cfnGuard: meta = "{guard: {SuppressedRules: [\(reach.id)]}}"
    case .formation, .baseline: meta = "{}"
    }
    var text = try LintFixture.text("reach", reach.fixture).replacingOccurrences(
      of: "__META__", with: meta)
    for (key, value) in defaults.merging(reach.values, uniquingKeysWith: { $1 }) {
      text = text.replacingOccurrences(of: key, with: value)
    }
    let template = try Template.parse(text, file: reach.fixture)
    let rules = LintOptions().enabled(Catalogue.policy)
    let findings = SuppressionPass(
      knownRules: Set(Catalogue.all.map(\.id)), rulesRun: Set(rules.map(\.id))
    ).apply(to: Engine(rules: rules).check(template), of: template)
      .filter { !$0.ruleID.hasPrefix("SUP") && !$0.ruleID.hasPrefix("COV") }
    let short = { (finding: Finding) in
      "\(finding.location.line):\(finding.location.column) \(finding.ruleID)"
    }
    return (
      findings.filter(\.isSuppressed).map(short), findings.filter { !$0.isSuppressed }.map(short)
    )
  }

  static let cases: [Case] = [
    // checkov
    Case(id: "CKV_AWS_7", source: .checkov, fixture: "key.yaml", silences: ["6:26 ENC002"], leaves: "2:3 DAT002"),
    Case(id: "CKV_AWS_119", source: .checkov, fixture: "table.yaml", silences: ["2:3 ENC003"], leaves: "2:3 LOG003"),
    Case(id: "CKV_AWS_26", source: .checkov, fixture: "topic.yaml", silences: ["6:23 ENC004"], leaves: "11:23 ENC005"),
    Case(
      id: "CKV_AWS_26", source: .checkov, fixture: "topic.yaml", values: ["__KEY__": "alias/aws/sns"],
      silences: [], leaves: "6:23 ENC004"),
    Case(id: "CKV_AWS_27", source: .checkov, fixture: "topic.yaml", silences: ["11:23 ENC005"], leaves: "6:23 ENC004"),
    Case(id: "CKV_AWS_158", source: .checkov, fixture: "logs.yaml", silences: ["2:3 ENC006"], leaves: "2:3 LOG004"),
    Case(id: "CKV_AWS_136", source: .checkov, fixture: "repository.yaml", silences: ["6:49 ENC007"], leaves: "2:3 LOG005"),
    Case(
      id: "CKV_AWS_136", source: .checkov, fixture: "repository.yaml", values: ["__ECR__": "KMS"],
      silences: [], leaves: "6:32 ENC007"),
    Case(id: "CKV_AWS_173", source: .checkov, fixture: "function.yaml", silences: ["6:3 ENC008"], leaves: "6:3 NET007"),
    Case(id: "CKV_AWS_3", source: .checkov, fixture: "volume.yaml", silences: ["2:3 ENC010"], leaves: "8:3 ENC011"),
    Case(id: "CKV_AWS_149", source: .checkov, fixture: "volume.yaml", silences: ["8:3 ENC011"], leaves: "2:3 ENC010"),
    Case(id: "CKV_AWS_53", source: .checkov, fixture: "bucket.yaml", silences: ["8:26 PUB001"], leaves: "9:28 PUB001"),
    Case(id: "CKV_AWS_54", source: .checkov, fixture: "bucket.yaml", silences: ["9:28 PUB001"], leaves: "8:26 PUB001"),
    Case(id: "CKV_AWS_55", source: .checkov, fixture: "bucket.yaml", silences: ["10:27 PUB001"], leaves: "8:26 PUB001"),
    Case(id: "CKV_AWS_56", source: .checkov, fixture: "bucket.yaml", silences: ["11:32 PUB001"], leaves: "8:26 PUB001"),
    Case(id: "CKV_AWS_20", source: .checkov, fixture: "bucket.yaml", silences: ["6:22 PUB002"], leaves: "8:26 PUB001"),
    Case(
      id: "CKV_AWS_20", source: .checkov, fixture: "bucket.yaml", values: ["__ACL__": "AuthenticatedRead"],
      silences: [], leaves: "6:22 PUB002"),
    Case(id: "CKV_AWS_57", source: .checkov, fixture: "bucket.yaml", silences: ["6:22 PUB002"], leaves: "8:26 PUB001"),
    Case(
      id: "CKV_AWS_57", source: .checkov, fixture: "bucket.yaml", values: ["__ACL__": "PublicRead"],
      silences: [], leaves: "6:22 PUB002"),
    Case(id: "CKV_AWS_364", source: .checkov, fixture: "function.yaml", silences: ["21:18 PUB004"], leaves: "6:3 NET007"),
    Case(
      id: "CKV_AWS_364", source: .checkov, fixture: "function.yaml", values: ["__PRINCIPAL__": "\"*\""],
      silences: [], leaves: "21:18 PUB004"),
    Case(id: "CKV_AWS_258", source: .checkov, fixture: "function.yaml", silences: ["27:17 PUB010"], leaves: "6:3 NET007"),
    Case(id: "CKV_AWS_24", source: .checkov, fixture: "network.yaml", silences: ["21:63 NET002"], leaves: "22:67 NET002"),
    Case(id: "CKV_AWS_25", source: .checkov, fixture: "network.yaml", silences: ["22:67 NET002"], leaves: "21:63 NET002"),
    Case(id: "CKV_AWS_260", source: .checkov, fixture: "network.yaml", silences: ["23:63 NET002"], leaves: "21:63 NET002"),
    Case(id: "CKV_AWS_88", source: .checkov, fixture: "network.yaml", silences: ["32:72 NET004"], leaves: "33:39 NET005"),
    Case(id: "CKV_AWS_79", source: .checkov, fixture: "network.yaml", silences: ["33:39 NET005"], leaves: "32:72 NET004"),
    Case(id: "CKV_AWS_117", source: .checkov, fixture: "function.yaml", silences: ["6:3 NET007"], leaves: "6:3 ENC008"),
    Case(id: "CKV_AWS_18", source: .checkov, fixture: "bucket.yaml", silences: ["2:3 LOG001"], leaves: "2:3 LOG002"),
    Case(id: "CKV_AWS_21", source: .checkov, fixture: "bucket.yaml", silences: ["2:3 LOG002"], leaves: "2:3 LOG001"),
    Case(id: "CKV_AWS_28", source: .checkov, fixture: "table.yaml", silences: ["2:3 LOG003"], leaves: "2:3 ENC003"),
    Case(id: "CKV_AWS_66", source: .checkov, fixture: "logs.yaml", silences: ["2:3 LOG004"], leaves: "2:3 ENC006"),
    Case(id: "CKV_AWS_163", source: .checkov, fixture: "repository.yaml", silences: ["2:3 LOG005"], leaves: "2:3 LOG006"),
    Case(id: "CKV_AWS_51", source: .checkov, fixture: "repository.yaml", silences: ["2:3 LOG006"], leaves: "2:3 LOG005"),
    Case(id: "CKV_AWS_116", source: .checkov, fixture: "function.yaml", silences: ["6:3 LOG007"], leaves: "6:3 NET007"),
    // Any encryption is not a customer key: CKV_AWS_19 reaches nothing of ENC001.
    Case(id: "CKV_AWS_19", source: .checkov, fixture: "bucket.yaml", silences: [], leaves: "2:3 ENC001"),
    // cfn_nag
    Case(id: "W41", source: .cfnNag, fixture: "bucket.yaml", silences: [], leaves: "2:3 ENC001"),
    Case(id: "F19", source: .cfnNag, fixture: "key.yaml", silences: ["6:26 ENC002"], leaves: "2:3 DAT002"),
    Case(id: "W74", source: .cfnNag, fixture: "table.yaml", silences: ["2:3 ENC003"], leaves: "2:3 LOG003"),
    Case(id: "W47", source: .cfnNag, fixture: "topic.yaml", silences: ["6:23 ENC004"], leaves: "11:23 ENC005"),
    Case(id: "W48", source: .cfnNag, fixture: "topic.yaml", silences: ["11:23 ENC005"], leaves: "6:23 ENC004"),
    Case(
      id: "W48", source: .cfnNag, fixture: "topic.yaml", values: ["__KEY__": "alias/aws/sqs"],
      silences: [], leaves: "11:23 ENC005"),
    Case(id: "W84", source: .cfnNag, fixture: "logs.yaml", silences: ["2:3 ENC006"], leaves: "2:3 LOG004"),
    Case(id: "F1", source: .cfnNag, fixture: "volume.yaml", silences: ["2:3 ENC010"], leaves: "8:3 ENC011"),
    Case(id: "W77", source: .cfnNag, fixture: "volume.yaml", silences: ["8:3 ENC011"], leaves: "2:3 ENC010"),
    Case(id: "W31", source: .cfnNag, fixture: "bucket.yaml", silences: [], leaves: "6:22 PUB002"),
    Case(
      id: "W31", source: .cfnNag, fixture: "bucket.yaml", values: ["__ACL__": "PublicRead"],
      silences: ["6:22 PUB002"], leaves: "8:26 PUB001"),
    Case(id: "F14", source: .cfnNag, fixture: "bucket.yaml", silences: ["6:22 PUB002"], leaves: "8:26 PUB001"),
    Case(id: "F13", source: .cfnNag, fixture: "function.yaml", silences: [], leaves: "21:18 PUB004"),
    Case(
      id: "F13", source: .cfnNag, fixture: "function.yaml", values: ["__PRINCIPAL__": "\"*\""],
      silences: ["21:18 PUB004"], leaves: "6:3 NET007"),
    Case(id: "W33", source: .cfnNag, fixture: "network.yaml", silences: ["13:28 NET001"], leaves: "2:3 NET008"),
    Case(
      id: "W2", source: .cfnNag, fixture: "network.yaml",
      silences: ["21:63 NET002", "22:67 NET002", "23:63 NET002", "24:67 NET002"], leaves: "26:38 NET003"),
    Case(id: "W5", source: .cfnNag, fixture: "network.yaml", silences: ["26:38 NET003"], leaves: "39:3 NET003"),
    Case(id: "F1000", source: .cfnNag, fixture: "network.yaml", silences: ["39:3 NET003"], leaves: "26:38 NET003"),
    Case(id: "W89", source: .cfnNag, fixture: "function.yaml", silences: ["6:3 NET007"], leaves: "6:3 ENC008"),
    Case(id: "W60", source: .cfnNag, fixture: "network.yaml", silences: ["2:3 NET008"], leaves: "13:28 NET001"),
    Case(id: "W35", source: .cfnNag, fixture: "bucket.yaml", silences: ["2:3 LOG001"], leaves: "2:3 LOG002"),
    Case(id: "W78", source: .cfnNag, fixture: "table.yaml", silences: ["2:3 LOG003"], leaves: "2:3 ENC003"),
    Case(id: "W86", source: .cfnNag, fixture: "logs.yaml", silences: ["2:3 LOG004"], leaves: "2:3 ENC006"),
    // cfn-guard
    Case(id: "S3_BUCKET_LOGGING_ENABLED", source: .cfnGuard, fixture: "bucket.yaml", silences: ["2:3 LOG001"], leaves: "2:3 LOG002"),
    Case(id: "S3_BUCKET_VERSIONING_ENABLED", source: .cfnGuard, fixture: "bucket.yaml", silences: ["2:3 LOG002"], leaves: "2:3 LOG001"),
    Case(id: "S3_BUCKET_SSL_REQUESTS_ONLY", source: .cfnGuard, fixture: "bucket.yaml", silences: ["2:3 TRN001"], leaves: "2:3 TRN002"),
    Case(
      id: "S3_BUCKET_PUBLIC_READ_PROHIBITED", source: .cfnGuard, fixture: "bucket.yaml",
      silences: ["6:22 PUB002"], leaves: "8:26 PUB001"),
    Case(
      id: "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", source: .cfnGuard, fixture: "bucket.yaml",
      values: ["__ACL__": "PublicRead"], silences: [], leaves: "6:22 PUB002"),
    Case(id: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", source: .cfnGuard, fixture: "bucket.yaml", silences: [], leaves: "2:3 ENC001"),
    Case(id: "LAMBDA_INSIDE_VPC", source: .cfnGuard, fixture: "function.yaml", silences: ["6:3 NET007"], leaves: "6:3 ENC008"),
    Case(
      id: "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", source: .cfnGuard, fixture: "function.yaml",
      values: ["__PRINCIPAL__": "\"*\""], silences: ["21:18 PUB004"], leaves: "6:3 NET007"),
    Case(id: "INCOMING_SSH_DISABLED", source: .cfnGuard, fixture: "network.yaml", silences: ["21:63 NET002"], leaves: "23:63 NET002"),
    Case(id: "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED", source: .cfnGuard, fixture: "network.yaml", silences: ["13:28 NET001"], leaves: "2:3 NET008"),
    Case(id: "DYNAMODB_PITR_ENABLED", source: .cfnGuard, fixture: "table.yaml", silences: ["2:3 LOG003"], leaves: "2:3 ENC003"),
    Case(id: "ENCRYPTED_VOLUMES", source: .cfnGuard, fixture: "volume.yaml", silences: ["2:3 ENC010"], leaves: "8:3 ENC011"),
  ]

  @Test(arguments: cases)
  func reachesExactlyItsCheck(_ reach: Case) throws {
    let (silenced, visible) = try Self.outcome(reach)
    #expect(silenced == reach.silences)
    #expect(visible.contains(reach.leaves))
  }

  /// Every mapped id has a case.
  @Test func everyMappedIdHasAReachCase() {
    // The data and compute services' ids are proved in `PeerIdReachTests`.
    let covered = Set(
      Self.cases.map { "\($0.source.rawValue) \($0.id)" }
        + PeerIdReachTests.mapped.map { "\($0.source.rawValue) \($0.foreignID)" })
    let mapped =
      ForeignRuleMapping.checkovReach.keys.map { "checkov \($0)" }
      + ForeignRuleMapping.cfnNagReach.keys.map { "cfn_nag \($0)" }
      + ForeignRuleMapping.guardReach.keys.map { "cfn-guard \($0)" }
    #expect(Set(mapped).subtracting(covered).sorted() == [])
  }
}
