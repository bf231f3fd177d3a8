import Semantics
import Template
import Testing

@testable import TemplateDiff

/// Resource policies of every shape, wildcard coverage and Deny inversion.
@Suite struct SecurityTests {
  func statements(_ deployed: String, _ proposed: String) throws -> [String] {
    try diff(deployed, proposed).security.statements.map {
      "\($0.logicalID) \($0.kind.rawValue) \($0.impact.rawValue) \($0.document): \($0.details.joined(separator: "; "))"
    }
  }

  @Test func repositoryPolicyWrittenAsJSONString() throws {
    let result = try statements(
      """
      Resources:
        Images:
          Type: AWS::ECR::Repository
          Properties:
            RepositoryPolicyText: '{"Version": "2012-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": ["ecr:BatchGetImage"]}]}'
      """,
      """
      Resources:
        Images:
          Type: AWS::ECR::Repository
          Properties:
            RepositoryPolicyText: '{"Statement": [{"Action": "ecr:BatchGetImage", "Principal": {"AWS": ["arn:aws:iam::123456789012:root", "*"]}, "Effect": "Allow", "Sid": "Pull"}], "Version": "2012-10-17"}'
      """)
    #expect(
      result == ["Images modified broadening Properties.RepositoryPolicyText: principals added: *"])
  }

  @Test func keyPolicyTopicPolicyAndEndpointPolicy() throws {
    let document = { (action: String) in
      """
                Statement:
                  - {Effect: Allow, Principal: {AWS: arn:aws:iam::123456789012:role/app}, Action: \(action), Resource: "*"}
      """
    }
    let template = { (action: String) in
      """
      Resources:
        Key:
          Type: AWS::KMS::Key
          Properties:
            KeyPolicy:
      \(document(action))
        TopicPolicy:
          Type: AWS::SNS::TopicPolicy
          Properties:
            Topics: [arn:aws:sns:us-east-1:123456789012:alerts]
            PolicyDocument:
      \(document(action))
        Endpoint:
          Type: AWS::EC2::VPCEndpoint
          Properties:
            VpcId: vpc-1
            ServiceName: com.amazonaws.us-east-1.s3
            PolicyDocument:
      \(document(action))
      """
    }
    let result = try statements(template("kms:Decrypt"), template("\"kms:*\""))
    #expect(
      result == [
        "Key modified broadening Properties.KeyPolicy: actions added: kms:*; actions removed: kms:Decrypt",
        "TopicPolicy modified broadening Properties.PolicyDocument: actions added: kms:*; actions removed: kms:Decrypt",
        "Endpoint modified broadening Properties.PolicyDocument: actions added: kms:*; actions removed: kms:Decrypt",
      ])
  }

  @Test func narrowingAWildcardAndDenyInversion() throws {
    let template = { (allow: String, deny: String) in
      """
      Resources:
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement:
                - {Sid: Read, Effect: Allow, Action: [\(allow)], Resource: "*"}
                - {Sid: NoDelete, Effect: Deny, Action: [\(deny)], Resource: "*"}
      """
    }
    let result = try statements(
      template("\"s3:Get*\"", "s3:DeleteObject, s3:DeleteBucket"),
      template("s3:GetObject", "s3:DeleteObject"))
    #expect(
      result == [
        "Policy modified narrowing Properties.PolicyDocument: actions added: s3:GetObject; actions removed: s3:Get*",
        "Policy modified broadening Properties.PolicyDocument: actions removed: s3:DeleteBucket",
      ])
  }

  @Test func patternCoverage() {
    #expect(PatternCoverage.covered("s3:GetObject", by: ["s3:Get*"]))
    #expect(PatternCoverage.covered("s3:GetObjectAcl", by: ["S3:get*"]))
    #expect(PatternCoverage.covered("iam:PassRole", by: ["*"]))
    #expect(PatternCoverage.covered("ec2:DescribeInstances", by: ["ec2:Describe?nstances"]))
    #expect(!PatternCoverage.covered("s3:PutObject", by: ["s3:Get*"]))
    #expect(PatternCoverage.covered("arn:aws:s3:::b/a/x", by: ["arn:aws:s3:::b/*"]))
  }

  @Test func newStackReportsItsStatementsAsAdded() throws {
    let proposed = try template(
      """
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      """)
    let result = Differ().compare(deployed: nil, proposed: proposed, name: "new")
    #expect(result.status == .added)
    #expect(result.resources.map { "\($0.kind.rawValue) \($0.logicalID)" } == ["added Role"])
    #expect(
      result.security.statements.map {
        "\($0.kind.rawValue) \($0.impact.rawValue) \($0.details.joined())"
      } == [
        "added broadening Allow sts:AssumeRole to Service:lambda.amazonaws.com"
      ])
  }

  /// The diff reads a Lambda permission as the checker does: `EventSourceToken` is a condition
  /// and an `.amazon.com` principal is a service.
  @Test func lambdaPermissionReadAsTheCheckerReadsIt() throws {
    let permission = { (extra: String) in
      """
      Resources:
        Skill:
          Type: AWS::Lambda::Permission
          Properties:
            FunctionName: skill-handler
            Action: lambda:InvokeFunction
            Principal: alexa-appkit.amazon.com
      \(extra)
      """
    }
    let result = try statements(permission(""), permission("      EventSourceToken: amzn1.ask.skill.1"))
    #expect(
      result == [
        "Skill modified narrowing Properties: conditions added: StringEquals lambda:EventSourceToken=amzn1.ask.skill.1"
      ])
    let added = Differ().compare(
      deployed: nil, proposed: try template(permission("")), name: "new")
    #expect(
      added.security.statements.map { $0.details.joined() } == [
        "Allow lambda:InvokeFunction on skill-handler to Service:alexa-appkit.amazon.com"
      ])
  }
}

