import Testing

@testable import Template

/// Exact YAML output for representative templates: section and attribute order, short-form
/// intrinsics, flow and block argument lists, literal blocks.
@Suite struct WritingYAMLTests {
  /// A template touching every section and most intrinsics, built in code.
  static var sample: Template {
    var template = Template(description: "Demo: a bucket")
    template.metadata = ["cfn-lint": ["config": ["ignore_checks": ["W3005"]]]]
    template.parameters["Env"] = Parameter(
      type: "String", attributes: ["Default": "yes", "AllowedValues": ["yes", "no", "012", "dev"]])
    template.mappings["Regions"] = ["us-east-1": ["AMI": "ami-1"]]
    template.conditions["IsProd"] = .intrinsic(.equals(.ref("Env"), "prod"))
    template.conditions["Both"] = .intrinsic(
      .and([
        .intrinsic(.condition("IsProd")),
        .intrinsic(.not(.intrinsic(.equals(.ref("AWS::Region"), "us-east-1")))),
      ]))
    template.transform = "AWS::Serverless-2016-10-31"
    var bucket = Resource(
      type: "AWS::S3::Bucket",
      properties: [
        "BucketName": .sub("${AWS::StackName}-data"),
        "Tags": [["Key": "on", "Value": "2010-09-09"], ["Key": "n", "Value": 12]],
      ],
      condition: "IsProd", deletionPolicy: "Retain", updateReplacePolicy: "Retain",
      unknownAttributes: ["Version": "1"])
    bucket.dependsOn = [Located("Role")]
    bucket.dependsOnIsScalar = true
    template.resources["Bucket"] = bucket
    template.resources["Role"] = Resource(
      type: "AWS::IAM::Role", dependsOn: ["Key", "Topic"], metadata: ["Note": "two dependencies"])
    template.resources["Instance"] = Resource(
      type: "AWS::EC2::Instance",
      properties: [
        "ImageId": .intrinsic(
          .findInMap(
            map: "Regions", topKey: .ref("AWS::Region"), secondKey: "AMI", defaultValue: nil)),
        "AvailabilityZone": .intrinsic(.select(index: 0, list: .intrinsic(.getAZs("")))),
        "UserData": .intrinsic(
          .base64(.sub("#!/bin/bash\nyum install -y ${Package}\n", ["Package": "httpd"]))),
        "KeyName": .intrinsic(
          .if(condition: "IsProd", then: .ref("Key"), else: .ref("AWS::NoValue"))),
        "SubnetId": .intrinsic(.importValue(.sub("${Network}-SubnetId"))),
        "Arn": .intrinsic(.join(delimiter: "", values: ["arn:aws:s3:::", .ref("Bucket"), "/*"])),
      ],
      creationPolicy: ["ResourceSignal": ["Timeout": "PT15M"]])
    template.outputs["BucketArn"] = Output(
      value: .getAtt("Bucket", "Arn"), description: "The bucket",
      exportName: .sub("${AWS::StackName}-BucketArn"), condition: "IsProd")
    template.unknownSections["Custom"] = 1
    return template
  }

  @Test func sampleTemplate() {
    #expect(
      Self.sample.yaml() == """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: 'Demo: a bucket'
        Metadata:
          cfn-lint:
            config:
              ignore_checks:
              - W3005
        Parameters:
          Env:
            Type: String
            Default: 'yes'
            AllowedValues:
            - 'yes'
            - 'no'
            - '012'
            - dev
        Mappings:
          Regions:
            us-east-1:
              AMI: ami-1
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          Both: !And [!Condition IsProd, !Not [!Equals [!Ref 'AWS::Region', us-east-1]]]
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Condition: IsProd
            DependsOn: Role
            Properties:
              BucketName: !Sub ${AWS::StackName}-data
              Tags:
              - Key: 'on'
                Value: '2010-09-09'
              - Key: 'n'
                Value: 12
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain
            Version: '1'
          Role:
            Type: AWS::IAM::Role
            DependsOn:
            - Key
            - Topic
            Metadata:
              Note: two dependencies
          Instance:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: !FindInMap [Regions, !Ref 'AWS::Region', AMI]
              AvailabilityZone: !Select [0, !GetAZs '']
              UserData:
                Fn::Base64: !Sub
                - |
                  #!/bin/bash
                  yum install -y ${Package}
                - Package: httpd
              KeyName: !If [IsProd, !Ref Key, !Ref 'AWS::NoValue']
              SubnetId:
                Fn::ImportValue: !Sub ${Network}-SubnetId
              Arn: !Join ['', ['arn:aws:s3:::', !Ref Bucket, /*]]
            CreationPolicy:
              ResourceSignal:
                Timeout: PT15M
        Outputs:
          BucketArn:
            Description: The bucket
            Condition: IsProd
            Value: !GetAtt Bucket.Arn
            Export:
              Name: !Sub ${AWS::StackName}-BucketArn
        Custom: 1

        """)
  }

  @Test func sampleReadsBackEqualAndWritesIdentically() throws {
    let yaml = Self.sample.yaml()
    let read = try Template.parse(yaml, file: "sample.yaml")
    #expect(read == Self.sample)
    #expect(read.yaml() == yaml)
  }

  /// An argument list that would be wider than 80 characters, or holds a mapping or a
  /// multi-line string, is a block list; its short nested lists stay in flow style.
  @Test func longArgumentListsAreBlocks() {
    let long = Value.map([
      "Joined": .intrinsic(
        .join(
          delimiter: ",",
          values: [
            .string(String(repeating: "a", count: 30)), .string(String(repeating: "b", count: 30)),
            .ref("Short"),
          ])),
      "WithMap": .intrinsic(
        .findInMap(
          map: "M", topKey: .ref("AWS::Region"), secondKey: "Key", defaultValue: "fallback")),
      "Nested": .intrinsic(.if(condition: "C", then: ["a", "b"], else: ["key": "value"])),
    ])
    #expect(
      long.yaml() == """
        Joined: !Join
        - ','
        - - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
          - bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
          - !Ref Short
        WithMap: !FindInMap
        - M
        - !Ref AWS::Region
        - Key
        - DefaultValue: fallback
        Nested: !If
        - C
        - [a, b]
        - key: value

        """)
  }

  /// Long forms where YAML cannot use the short one: a function whose whole argument is a
  /// function or a non-string scalar, functions without a documented short form, and a
  /// `GetAtt` whose logical id has a dot.
  @Test func longForms() {
    let value = Value.map([
      "a": .intrinsic(.base64(.ref("Text"))),
      "b": .intrinsic(.getAZs(.ref("AWS::Region"))),
      "c": .intrinsic(.base64(.init(.number(Number(3))))),
      "d": .intrinsic(.toJsonString(["k": "v"])),
      "e": .intrinsic(.length(.ref("List"))),
      "f": .getAtt("A.B", "C"),
      "g": .intrinsic(.importValue("plain-export")),
      "h": .intrinsic(.transform(name: "AWS::Include", parameters: ["Location": "s3://b/k"])),
    ])
    #expect(
      value.yaml() == """
        a:
          Fn::Base64: !Ref Text
        b:
          Fn::GetAZs: !Ref AWS::Region
        c:
          Fn::Base64: 3
        d:
          Fn::ToJsonString:
            k: v
        e:
          Fn::Length: !Ref List
        f:
          Fn::GetAtt: [A.B, C]
        g: !ImportValue plain-export
        h: !Transform
          Name: AWS::Include
          Parameters:
            Location: s3://b/k

        """)
  }

  /// `!Sub` keeps `${!Literal}` escaped and writes its two-argument form as a list.
  @Test func subForms() throws {
    let value = Value.map([
      "one": .sub("${AWS::StackName}-${!Literal}"),
      "two": .sub("${A}-${B}", ["A": .ref("X"), "B": .getAtt("Y", "Arn")]),
    ])
    let yaml = value.yaml()
    #expect(
      yaml == """
        one: !Sub ${AWS::StackName}-${!Literal}
        two: !Sub
        - ${A}-${B}
        - A: !Ref X
          B: !GetAtt Y.Arn

        """)
    #expect(try Value.parse(Array(yaml.utf8), file: "s.yaml", format: .yaml) == value)
  }

  /// A section that was written empty in the source stays, so `validate` sees it; one that was
  /// never written does not appear.
  @Test func emptySections() throws {
    let read = try Template.parse(
      """
      Conditions: {}
      Resources:
        Topic:
          Type: AWS::SNS::Topic
          Properties: {}
      """, file: "empty.yaml")
    #expect(
      read.yaml() == """
        Conditions: {}
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties: {}

        """)
    #expect(Template(formatVersion: nil).yaml() == "{}\n")
  }

  /// Every document ends with exactly one newline, whatever its last value.
  @Test(
    arguments: [
      "text", "line\n", ["k": "a\nb\n"], ["k": "a\n\n"], [], ["k": ["x"]],
    ] as [Value])
  func endsWithOneNewline(_ value: Value) {
    let yaml = value.yaml()
    #expect(yaml.hasSuffix("\n") && !yaml.hasSuffix("\n\n"))
    #expect(!yaml.hasPrefix("---") && !yaml.contains("\n..."))
  }
}
