import Testing

@testable import Template

/// `Template(decoding:)`: sections, resources, parameters and outputs with their locations.
@Suite struct ReadingTemplateTests {
  static let text = """
    AWSTemplateFormatVersion: 2010-09-09
    Description: A bucket and a role
    Parameters:
      Env:
        Type: String
        AllowedValues: [dev, prod]
        Default: dev
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
      NotProd: {Condition: IsProd}
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Condition: IsProd
        DependsOn: Role
        DeletionPolicy: Retain
        Properties:
          BucketName: !Sub ${AWS::StackName}-data
      Role:
        Type: AWS::IAM::Role
        DependsOn: [Other, Third]
        Version: 1
        Metadata: {cfn-lint: {config: {ignore_checks: [W1]}}}
        Properties:
          Policies:
            - PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: !GetAtt Bucket.Arn
                    Condition: {Bool: {aws:SecureTransport: true}}
      NoType:
        Properties: {}
    Outputs:
      BucketName:
        Value: !Ref Bucket
        Export: {Name: !Sub '${AWS::StackName}-bucket'}
        Condition: IsProd
    Custom: 1
    """

  @Test func sectionsAndResources() throws {
    let template = try Template.parse(Self.text, file: "t.yaml")
    #expect(template.formatVersion == "2010-09-09")
    #expect(template.description == "A bucket and a role")
    #expect(
      template.sectionLocations["Resources"] == SourceLocation(file: "t.yaml", line: 11, column: 1))
    #expect(
      template.sectionLocations["Custom"] == SourceLocation(file: "t.yaml", line: 39, column: 1))
    #expect(template.unknownSections.keys == ["Custom"])
    #expect(template.parameters["Env"]?.type == "String")
    #expect(template.parameters["Env"]?.defaultValue == "dev")
    #expect(
      template.parameters["Env"]?.location == SourceLocation(file: "t.yaml", line: 4, column: 3))
    #expect(template.conditions["NotProd"]?.kind == .intrinsic(.condition("IsProd")))
    #expect(template.resources.keys == ["Bucket", "Role", "NoType"])

    let bucket = try #require(template.resources["Bucket"])
    #expect(bucket.type == "AWS::S3::Bucket")
    #expect(bucket.location == SourceLocation(file: "t.yaml", line: 12, column: 3))
    #expect(bucket.typeLocation == SourceLocation(file: "t.yaml", line: 13, column: 11))
    #expect(bucket.propertiesLocation == SourceLocation(file: "t.yaml", line: 17, column: 5))
    #expect(bucket.condition?.value == "IsProd")
    #expect(bucket.condition?.location == SourceLocation(file: "t.yaml", line: 14, column: 16))
    #expect(bucket.dependsOn.map(\.value) == ["Role"])
    #expect(
      bucket.dependsOn.first?.location == SourceLocation(file: "t.yaml", line: 15, column: 16))
    #expect(bucket.dependsOnIsScalar)
    #expect(bucket.deletionPolicy == "Retain")
    #expect(bucket[property: "BucketName"] == .sub("${AWS::StackName}-data"))

    let role = try #require(template.resources["Role"])
    #expect(role.dependsOn.map(\.value) == ["Other", "Third"])
    #expect(role.dependsOn.last?.location == SourceLocation(file: "t.yaml", line: 21, column: 24))
    #expect(!role.dependsOnIsScalar)
    #expect(role.unknownAttributes.keys == ["Version"])
    #expect(role.metadata?["cfn-lint"] != nil)
    let statement = role[property: "Policies"]?.listValue?.first?["PolicyDocument"]?["Statement"]?
      .listValue?.first
    #expect(statement?["Condition"]?.mapValue?.keys == ["Bool"])
    #expect(statement?["Resource"] == .getAtt("Bucket", "Arn"))

    #expect(template.resources["NoType"]?.type == nil)

    let output = try #require(template.outputs["BucketName"])
    #expect(output.value == .ref("Bucket"))
    #expect(output.exportName == .sub("${AWS::StackName}-bucket"))
    #expect(output.condition?.value == "IsProd")
    #expect(output.location == SourceLocation(file: "t.yaml", line: 35, column: 3))
  }

  @Test func emptySectionsReadAsEmpty() throws {
    let template = try Template.parse("Parameters:\nResources:\n", file: "t.yaml")
    #expect(template.resources.isEmpty)
    #expect(
      template.sectionLocations["Resources"] == SourceLocation(file: "t.yaml", line: 2, column: 1))
  }
}

extension ReadingTemplateTests {
  @Test func forEachLoopsAreKeptAsLoops() throws {
    let template = try Template.parse(
      """
      Transform: AWS::LanguageExtensions
      Resources:
        Fn::ForEach::Topics:
          - Name
          - [a, b]
          - Topic${Name}:
              Type: AWS::SNS::Topic
      Outputs:
        Fn::ForEach::Arns:
          - Name
          - [a, b]
          - Arn${Name}: {Value: !Ref 'Topic${Name}'}
      """, file: "t.yaml")
    let loop = try #require(template.resources["Fn::ForEach::Topics"])
    #expect(loop.type == nil)
    #expect(loop.loop?.listValue?.first == "Name")
    #expect(loop.location == SourceLocation(file: "t.yaml", line: 3, column: 3))
    #expect(template.outputs["Fn::ForEach::Arns"]?.loop?.listValue?.count == 3)
  }
}
