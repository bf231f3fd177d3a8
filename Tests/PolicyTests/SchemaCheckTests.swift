import Foundation
import Policy
import Testing

/// The resource-schema checks: every failing fixture gives exactly these findings (line:column,
/// severity, rule, logical id, message); the passing fixtures are in `CorrectnessValidTemplateTests`.
@Suite struct SchemaCheckTests {
  static let theme = "correctness"

  /// Every schema check has a failing fixture tested here.
  @Test func everySchemaCheckHasAFailingFixture() throws {
    let ids = Catalogue.correctness.map(\.id).filter { $0.hasPrefix("SCH") }
    #expect(ids == (1...26).map { String(format: "SCH%03d", $0) })
    for id in ids { #expect(try !CorrectnessFixtures.lines(id, "\(id)-fail.yaml").isEmpty) }
  }

  @Test func sch001() throws {
    #expect(
      try LintFixture.lines("SCH001", Self.theme, "SCH001-fail.yaml") == [
        "4:11: error SCH001 Bucket: resource 'Bucket' has type 'AWS::S3::Buckett', which is not a CloudFormation resource type; did you mean 'AWS::S3::Bucket'?",
        "6:11: error SCH001 Queue: resource 'Queue' has type 'AWS::SQS::Queu', which is not a CloudFormation resource type; did you mean 'AWS::SQS::Queue'?",
      ])
  }

  @Test func sch002() throws {
    #expect(
      try LintFixture.lines("SCH002", Self.theme, "SCH002-fail.yaml") == [
        "6:7: error SCH002 Queue: resource 'Queue': unknown property 'VisibiltyTimeout' in Properties; did you mean 'VisibilityTimeout'?",
        "15:17: error SCH002 Logs: resource 'Logs': unknown property 'TransitionInDay' in Properties.LifecycleConfiguration.Rules[0].Transitions[0]; did you mean 'TransitionInDays'?",
      ])
  }

  @Test func sch003() throws {
    #expect(
      try LintFixture.lines("SCH003", Self.theme, "SCH003-fail.yaml") == [
        "5:5: error SCH003 Function: resource 'Function': Properties is missing required property 'Role'",
        "14:11: error SCH003 Table: resource 'Table': Properties.KeySchema[0] is missing required property 'KeyType'",
      ])
  }

  @Test func sch004Excluded() throws {
    #expect(
      try LintFixture.lines("SCH004", Self.theme, "SCH004-fail-excluded.yaml") == [
        "5:5: error SCH004 Alarm: resource 'Alarm': Properties sets 'Metrics' and 'MetricName'; only one of Metrics, MetricName may be set",
        "9:7: error SCH004 Alarm: resource 'Alarm': Properties sets 'Metrics', which may not be set with 'MetricName'",
        "10:7: error SCH004 Alarm: resource 'Alarm': Properties sets 'Metrics', which may not be set with 'Namespace'",
        "11:7: error SCH004 Alarm: resource 'Alarm': Properties sets 'Metrics', which may not be set with 'Dimensions'",
      ])
  }

  @Test func sch004() throws {
    #expect(
      try LintFixture.lines("SCH004", Self.theme, "SCH004-fail.yaml") == [
        "5:5: error SCH004 Entry: resource 'Entry': Properties sets 'Ipv6CidrBlock' and 'CidrBlock'; only one of Ipv6CidrBlock, CidrBlock may be set",
        "14:5: error SCH004 Ingress: resource 'Ingress': Properties must set exactly one of: CidrIp, CidrIpv6, SourcePrefixListId, SourceSecurityGroupId, SourceSecurityGroupName",
      ])
  }

  @Test func sch005() throws {
    #expect(
      try LintFixture.lines("SCH005", Self.theme, "SCH005-fail.yaml") == [
        "6:31: error SCH005 Queue: resource 'Queue': Properties.MessageRetentionPeriod is 'lots'; expected integer",
        "7:18: error SCH005 Queue: resource 'Queue': Properties.FifoQueue is 'maybe'; expected boolean",
        "12:29: error SCH005 Group: resource 'Group': Properties.SecurityGroupIngress is a string (Fn::Sub); expected array",
      ])
  }

  /// A path where `aws cloudformation package` makes the object is a warning; elsewhere an error.
  @Test func sch005PackagerInput() throws {
    #expect(
      try LintFixture.lines("SCH005", Self.theme, "SCH005-fail-packaged.yaml") == [
        "6:13: warning SCH005 Function: resource 'Function': Properties.Code is './src/handler'; expected object; `aws cloudformation package` makes it one from a path or an S3 URI: package the template before deploying it",
        "13:13: error SCH005 Queue: resource 'Queue': Properties.Tags is './tags.json'; expected array",
      ])
  }

  @Test func sch006() throws {
    #expect(
      try LintFixture.lines("SCH006", Self.theme, "SCH006-fail.yaml") == [
        "10:20: error SCH006 Table: resource 'Table': Properties.BillingMode is 'PAY_PER_REQUESTS', which is not one of: PAY_PER_REQUEST, PROVISIONED; did you mean 'PAY_PER_REQUEST'?",
        "20:20: warning SCH006 Other: resource 'Other': Properties.BillingMode is 'ON_DEMAND' (allowed value of parameter 'Mode'), which is not one of: PAY_PER_REQUEST, PROVISIONED",
        "33:29: error SCH006 Compute: resource 'Compute': Properties.ComputeResources.AllocationStrategy is 'SPOT_CHEAPEST', which is not one of: best_fit, best_fit_progressive, spot_capacity_optimized, spot_price_capacity_optimized (case-insensitive)",
      ])
  }

  /// A parameter none of whose allowed values the property takes: every deployment fails.
  @Test func sch006EveryAllowedValueRejected() throws {
    #expect(
      try LintFixture.lines("SCH006", Self.theme, "SCH006-fail-parameter.yaml") == [
        "10:20: error SCH006 Table: resource 'Table': Properties.BillingMode is 'FLEXIBLE' (allowed value of parameter 'Mode'), which is not one of: PAY_PER_REQUEST, PROVISIONED",
        "10:20: error SCH006 Table: resource 'Table': Properties.BillingMode is 'ON_DEMAND' (allowed value of parameter 'Mode'), which is not one of: PAY_PER_REQUEST, PROVISIONED",
      ])
  }

  @Test func sch007() throws {
    #expect(
      try LintFixture.lines("SCH007", Self.theme, "SCH007-fail.yaml") == [
        "6:26: error SCH007 Queue: resource 'Queue': Properties.VisibilityTimeout is 999999; it must be at most 43200",
        "7:21: error SCH007 Queue: resource 'Queue': Properties.DelaySeconds is '-1'; it must be at least 0",
      ])
  }

  @Test func sch008() throws {
    #expect(
      try LintFixture.lines("SCH008", Self.theme, "SCH008-fail.yaml") == [
        "11:18: error SCH008 Table: resource 'Table': Properties.KeySchema has 0 items; expected 1 to 2",
      ])
  }

  @Test func sch009() throws {
    #expect(
      try LintFixture.lines("SCH009", Self.theme, "SCH009-fail.yaml") == [
        "7:16: error SCH009 Function: resource 'Function': Properties.Handler is 'index handler', which does not match the pattern ^[^\\s]+$",
        "8:13: error SCH009 Function: resource 'Function': Properties.Role is 'lambda-role', which does not match the pattern ^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
      ])
  }

  @Test func sch010() throws {
    #expect(
      try LintFixture.lines("SCH010", Self.theme, "SCH010-fail.yaml") == [
        "8:20: error SCH010 Topic: Fn::GetAtt reads 'Queue.Nmae', but AWS::SQS::Queue has no attribute 'Nmae'; 'AWS::SQS::Queue' has Arn, ContentBasedDeduplication, DeduplicationScope, DelaySeconds, FifoQueue, FifoThroughputLimit, KmsDataKeyReusePeriodSeconds, KmsMasterKeyId, ...",
        "11:12: error SCH010 Nope: Fn::GetAtt reads 'Queue.Nope', but AWS::SQS::Queue has no attribute 'Nope'; 'AWS::SQS::Queue' has Arn, ContentBasedDeduplication, DeduplicationScope, DelaySeconds, FifoQueue, FifoThroughputLimit, KmsDataKeyReusePeriodSeconds, KmsMasterKeyId, ...",
      ])
  }

  @Test func sch011() throws {
    #expect(
      try LintFixture.lines("SCH011", Self.theme, "SCH011-fail.yaml") == [
        "6:16: error SCH011 Function: resource 'Function' uses runtime 'python2.7', deprecated since 2021-07-15; functions cannot be created with it since 2021-07-15; use python3.14",
      ])
  }

  @Test func sch012() throws {
    #expect(
      try LintFixture.lines("SCH012", Self.theme, "SCH012-fail.yaml") == [
        "6:7: error SCH012 Queue: resource 'Queue': 'QueueUrl' is read-only: CloudFormation sets it and a template may not",
      ])
  }

  @Test func sch013() throws {
    #expect(
      try LintFixture.lines("SCH013", Self.theme, "SCH013-fail.yaml") == [
        "5:21: error SCH013 Database: resource 'Database' has DeletionPolicy a list, which is not one of Delete, Retain, RetainExceptOnCreate, Snapshot",
        "6:26: error SCH013 Database: resource 'Database' has UpdateReplacePolicy 'Snapshoot', which is not one of Delete, Retain, RetainExceptOnCreate, Snapshot; did you mean 'Snapshot'?",
      ])
  }

  @Test func sch014() throws {
    #expect(
      try LintFixture.lines("SCH014", Self.theme, "SCH014-fail.yaml") == [
        "6:7: error SCH014 Network: module 'Network' has UpdatePolicy, which modules do not accept",
      ])
  }

  @Test func sch015() throws {
    #expect(
      try LintFixture.lines("SCH015", Self.theme, "SCH015-fail.yaml") == [
        "7:7: error SCH015 Table: table 'Table' defines attribute 'created', which no key schema uses",
        "7:7: error SCH015 Table: table 'Table' uses key attribute 'sort', which AttributeDefinitions does not define",
      ])
  }

  @Test func sch016() throws {
    #expect(
      try LintFixture.lines("SCH016", Self.theme, "SCH016-fail.yaml") == [
        "14:11: error SCH016 Role: resource 'Role': Properties.ManagedPolicyArns[1] repeats an earlier element; the list's elements must be unique",
      ])
  }

  @Test func sch017() throws {
    #expect(
      try LintFixture.lines("SCH017", Self.theme, "SCH017-fail.yaml") == [
        "6:3: error SCH017 Queue: resource 'Queue' has the name of a parameter; Ref could not tell them apart",
      ])
  }

  @Test func sch018() throws {
    #expect(
      try LintFixture.lines("SCH018", Self.theme, "SCH018-fail.yaml") == [
        "3:3: error SCH018 Fn::ForEach::Queues: 'Fn::ForEach::Queues' in Resources needs `Transform: AWS::LanguageExtensions`, which the template does not declare",
      ])
  }

  /// The ten mistakes a new user made in the issue that asked for these checks: each is reported.
  @Test func issueExamplesAreEachReported() throws {
    let template = try LintFixture.template(Self.theme, "SCH-issue-examples.yaml")
    let findings = Engine(rules: Catalogue.correctness).check(template)
    #expect(
      findings.map { "\($0.location.line):\($0.location.column) \($0.ruleID) \($0.logicalID ?? "-")" } == [
        "4:11 SCH001 Bucket", "8:7 SCH002 Queue", "9:31 SCH005 Queue", "13:26 SCH007 Queue2",
        "16:5 SCH003 Function", "17:16 SCH011 Function", "24:20 SCH006 Table",
        "39:17 SCH002 Logs", "46:29 SCH006 Compute", "52:12 SCH010 Nope",
      ])
  }

  @Test func sch019() throws {
    #expect(
      try LintFixture.lines("SCH019", Self.theme, "SCH019-fail.yaml") == [
        "7:18: error SCH019 Reader: policy PolicyDocument has Version '2012-10-18'; IAM knows only 2012-10-17 and 2008-10-17",
        "9:21: error SCH019 Reader: policy PolicyDocument: the Effect of statement 1 is Permit; expected Allow or Deny",
        "13:21: error SCH019 Reader: statement 2 of PolicyDocument has action 'GetObject', which names no service; write it as service:Action (s3:GetObject)",
        "14:23: error SCH019 Reader: statement 2 of PolicyDocument has Resource 'reports-bucket', which is neither an ARN nor '*'",
        "15:13: error SCH019 Reader: statement 2 of identity policy PolicyDocument has Principal; an identity policy applies to the role, user or group it is attached to and names no principal",
        "21:17: error SCH019 Reader: statement 3 of PolicyDocument uses condition operator 'StringEqual', which IAM does not have; did you mean 'StringEquals'?",
        "30:13: error SCH019 Runner: statement 1 of trust policy AssumeRolePolicyDocument has Resource, which a trust policy may not have: the role is the resource",
        "32:24: error SCH019 Runner: statement 1 of AssumeRolePolicyDocument: the service principal 'lambda' is not a service host name (lambda.amazonaws.com)",
        "47:20: error SCH019 ReportsPolicy: statement 1 (Sid Read) of PolicyDocument: the AWS principal 'reports-reader' is neither '*', an account number, a unique id nor an ARN",
        "48:13: error SCH019 ReportsPolicy: policy PolicyDocument: statement 1 has both Principal and NotPrincipal",
        "50:13: error SCH019 ReportsPolicy: statement 2 of the AWS::S3::BucketPolicy policy has no Principal; a resource policy must name who it applies to",
        "57:45: error SCH019 Deployer: policy AssumeRolePolicyDocument has Version '2012-10-71'; IAM knows only 2012-10-17 and 2008-10-17 (when condition Legacy is false)",
        // A document written as a JSON string is judged too; the finding points at the string.
        "65:27: error SCH019 Deployer: policy Policies.0.PolicyDocument has Version '2012-17-10'; IAM knows only 2012-10-17 and 2008-10-17",
      ])
  }

  @Test func sch020() throws {
    #expect(
      try LintFixture.lines("SCH020", Self.theme, "SCH020-fail.yaml") == [
        "13:32: error SCH020 Plan: backup plan 'Plan' deletes recovery points after 60 days but moves them to cold storage after 30; DeleteAfterDays must be at least 120",
        "18:36: error SCH020 Plan: backup plan 'Plan' deletes recovery points after 90 days but moves them to cold storage after 1; DeleteAfterDays must be at least 91",
      ])
  }

  @Test func sch021() throws {
    #expect(
      try LintFixture.lines("SCH021", Self.theme, "SCH021-fail.yaml") == [
        "12:25: error SCH021 Cache: replication group 'Cache' enables automatic failover with NumCacheClusters 1; failover needs at least 2 (a primary and a replica)",
        "20:25: error SCH021 Sessions: replication group 'Sessions' enables automatic failover with NumCacheClusters 1; failover needs at least 2 (a primary and a replica) (when condition Production is true)",
      ])
  }

  @Test func sch022() throws {
    #expect(
      try LintFixture.lines("SCH022", Self.theme, "SCH022-fail.yaml") == [
        "12:11: error SCH022 Web: A record in 'Web' has value '192.0.2.300', which is not an IPv4 address",
        "21:44: error SCH022 Records: AAAA record in 'Records' has value '2001:db8:::2', which is not an IPv6 address",
        "25:29: error SCH022 Records: MX record in 'Records' has value 'mail.example.com', which is not a priority (0 to 65535) and a mail server host",
        "29:29: error SCH022 Records: TXT record in 'Records' has value 'v=spf1 -all', which is not enclosed in quotation marks",
        "33:28: error SCH022 Records: CNAME record set in 'Records' has 2 values; a CNAME takes exactly one",
        "36:16: error SCH022 Records: record set in 'Records' is an alias (AliasTarget) and also sets TTL; Route 53 takes one or the other",
      ])
  }

  @Test func sch023() throws {
    #expect(
      try LintFixture.lines("SCH023", Self.theme, "SCH023-fail.yaml") == [
        "10:13: error SCH023 Site: distribution 'Site' has alias 'static.*.example.com', which is not a domain name: a wildcard may only be the first label",
        "11:13: error SCH023 Site: distribution 'Site' has alias '-cdn.example.com', which is not a domain name: the label '-cdn' starts or ends with a hyphen",
        "12:13: error SCH023 Site: distribution 'Site' has alias 'assets.example.com ', which is not a domain name: the label 'com ' has a character other than a letter, a digit, a hyphen or an underscore",
        "13:13: error SCH023 Site: distribution 'Site' has alias 'example.c', which is not a domain name: its top-level domain has a single character",
      ])
  }

  @Test func sch024() throws {
    #expect(
      try LintFixture.lines("SCH024", Self.theme, "SCH024-fail.yaml") == [
        "6:22: error SCH024 Website: bucket 'Website' sets AccessControl 'PublicRead', but its object ownership is BucketOwnerEnforced (the default), which disables ACLs; S3 rejects the bucket",
        "10:22: error SCH024 Logs: bucket 'Logs' sets AccessControl 'LogDeliveryWrite', but its object ownership is BucketOwnerEnforced (the default), which disables ACLs; S3 rejects the bucket",
      ])
  }

  @Test func sch025() throws {
    #expect(
      try CorrectnessFixtures.lines("SCH025", "SCH025-fail.yaml") == [
        "10:9: error SCH025 Web: nested stack 'Web' does not pass 'Environment', which ./SCH025-child.yaml declares without a Default",
        "11:9: error SCH025 Web: nested stack 'Web' passes parameter 'Enviroment', which ./SCH025-child.yaml does not declare; did you mean 'Environment'?",
        "20:11: error SCH025 Workers: nested stack 'Workers' does not pass 'Environment', which SCH025-child.yaml declares without a Default (when condition Production is false)",
        "24:7: error SCH025 Empty: nested stack 'Empty' does not pass 'VpcId', 'Environment', which SCH025-child.yaml declares without a Default",
      ])
  }

  /// The class must be one the engine (and license model) offers somewhere; the engine is
  /// compared case-insensitively, the class exactly, as cfn-lint compares them. A branch whose
  /// class is refused while another branch works is a warning (the stack can be created);
  /// when every branch is refused, each is an error.
  @Test func sch026() throws {
    #expect(
      try CorrectnessFixtures.lines("SCH026", "SCH026-fail.yaml") == [
        "10:24: error SCH026 Orders: DB instance 'Orders': DBInstanceClass 'db.m4.xlarge' is not offered for engine 'aurora-mysql' in any region; offered: db.r3.xlarge, db.r4.xlarge, db.r5.xlarge, db.r6g.xlarge, ... (82 classes); did you mean 'db.r4.xlarge'?",
        "16:24: error SCH026 Ledger: DB instance 'Ledger': DBInstanceClass 'db.x1e.xlarge' is not offered for engine 'oracle-se2' with license model 'license-included' in any region; offered: db.m3.xlarge, db.m4.xlarge, db.m5.xlarge, db.m7i.xlarge, ... (49 classes); did you mean 'db.m3.xlarge'?",
        "23:55: warning SCH026 Reports: DB instance 'Reports': DBInstanceClass 'db.t3.micro' is not offered for engine 'aurora-postgresql' in any region; offered: db.r4.16xlarge, db.r4.2xlarge, db.r4.4xlarge, db.r4.8xlarge, ... (88 classes) (when condition Production is false)",
        "28:24: error SCH026 Catalog: DB instance 'Catalog': DBInstanceClass 'db.M5.Large' is not offered for engine 'MySQL' in any region; offered: db.m1.large, db.m1.medium, db.m1.small, db.m1.xlarge, ... (272 classes); did you mean 'db.m5.large'?",
        "35:41: error SCH026 Archive: DB instance 'Archive': DBInstanceClass 'db.m1.small' is not offered for engine 'aurora-postgresql' in any region; offered: db.t3.small, db.r4.16xlarge, db.r4.2xlarge, db.r4.4xlarge, ... (88 classes); did you mean 'db.t3.small'? (when condition Production is true)",
        "35:54: error SCH026 Archive: DB instance 'Archive': DBInstanceClass 'db.t3.micro' is not offered for engine 'aurora-postgresql' in any region; offered: db.r4.16xlarge, db.r4.2xlarge, db.r4.4xlarge, db.r4.8xlarge, ... (88 classes) (when condition Production is false)",
      ])
  }
}
