import Template
import Testing

@testable import TemplateDiff

/// Differences CloudFormation does not see are no change: formatting, key order, intrinsic
/// form, scalar spelling, and IAM's one-or-many and unordered lists.
@Suite struct SemanticEquivalenceTests {
  @Test func keyOrderShortAndLongFormsAndQuotingAreNoChange() throws {
    let result = try diff(
      """
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 30
            FifoQueue: true
            RedriveTarget: !GetAtt Dead.Arn
            Name: !Sub "${AWS::StackName}-jobs"
        Dead:
          Type: AWS::SQS::Queue
      """,
      """
      Resources:
        Dead: {Type: "AWS::SQS::Queue"}
        Queue:
          Properties:
            Name: {"Fn::Sub": "${AWS::StackName}-jobs"}
            RedriveTarget: {"Fn::GetAtt": [Dead, Arn]}
            FifoQueue: "true"
            VisibilityTimeout: "30"
          Type: 'AWS::SQS::Queue'
      """)
    #expect(result.status == .unchanged)
    #expect(result.resources.isEmpty)
  }

  @Test func yamlAgainstJSONIsNoChange() throws {
    let result = try diff(
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            TopicName: !Join ["-", [!Ref "AWS::StackName", alerts]]
      """,
      """
      {"AWSTemplateFormatVersion": "2010-09-09",
       "Resources": {"Topic": {"Type": "AWS::SNS::Topic",
         "Properties": {"TopicName": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, "alerts"]]}}}}}
      """, proposedFile: "proposed.json")
    #expect(result.status == .unchanged)
  }

  @Test func iamOneOrManyAndOrderAreNoChange() throws {
    let result = try diff(
      """
      Resources:
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                Effect: Allow
                Action: [s3:PutObject, s3:GetObject]
                Resource: arn:aws:s3:::genexomics-raw/*
                Principal: "*"
                Condition: {Bool: {aws:SecureTransport: "true"}}
      """,
      """
      Resources:
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement:
                - Principal: {AWS: ["*"]}
                  Resource: [arn:aws:s3:::genexomics-raw/*]
                  Action: [s3:GetObject, s3:PutObject]
                  Effect: Allow
                  Condition: {Bool: {aws:SecureTransport: [true]}}
              Version: "2012-10-17"
      """)
    #expect(result.status == .unchanged)
  }

  @Test func reorderedStatementsAndTagsAreNoChange() throws {
    let result = try diff(
      """
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            Tags: [{Key: a, Value: "1"}, {Key: b, Value: "2"}]
        BucketPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Bucket
            PolicyDocument:
              Statement:
                - {Effect: Deny, Action: "s3:*", Resource: "*", Principal: "*", Condition: {Bool: {aws:SecureTransport: false}}}
                - {Effect: Allow, Action: s3:GetObject, Resource: "*", Principal: {Service: logs.amazonaws.com}}
      """,
      """
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            Tags: [{Key: b, Value: 2}, {Key: a, Value: 1}]
        BucketPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Bucket
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: [s3:GetObject], Resource: ["*"], Principal: {Service: [logs.amazonaws.com]}}
                - {Effect: Deny, Action: ["s3:*"], Resource: "*", Principal: "*", Condition: {Bool: {aws:SecureTransport: "false"}}}
      """)
    #expect(result.status == .unchanged)
  }

  @Test func noValueIsAnAbsentKey() throws {
    let result = try diff(
      """
      Resources:
        Log:
          Type: AWS::Logs::LogGroup
          Properties:
            RetentionInDays: 30
            KmsKeyId: !Ref AWS::NoValue
      """,
      """
      Resources:
        Log:
          Type: AWS::Logs::LogGroup
          Properties:
            RetentionInDays: 30
      """)
    #expect(result.status == .unchanged)
  }

  @Test func actionOrderStillMattersOutsidePolicies() throws {
    let result = try diff(
      """
      Resources:
        Instance:
          Type: AWS::EC2::Instance
          Properties:
            SecurityGroupIds: [sg-1, sg-2]
      """,
      """
      Resources:
        Instance:
          Type: AWS::EC2::Instance
          Properties:
            SecurityGroupIds: [sg-2, sg-1]
      """)
    #expect(result.status == .changed)
    #expect(
      result.paths("Instance") == [
        "Properties.SecurityGroupIds[0]", "Properties.SecurityGroupIds[1]",
      ])
  }

  @Test func fingerprintTreatsScalarSpellingsAlike() {
    #expect(Fingerprint.of(5) == Fingerprint.of("5"))
    #expect(Fingerprint.of(true) == Fingerprint.of("true"))
    #expect(Fingerprint.of(Value(.number(Number(literal: "5.0")))) != Fingerprint.of(5))
    #expect(Fingerprint.of("True") != Fingerprint.of(true))
    #expect(Fingerprint.of(["a": 1, "b": 2]) == Fingerprint.of(["b": 2, "a": 1]))
    #expect(Fingerprint.of(["a", "b"]) != Fingerprint.of(["b", "a"]))
  }
}
