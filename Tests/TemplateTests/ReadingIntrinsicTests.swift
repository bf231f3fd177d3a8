import Testing

@testable import Template

/// Short (`!Tag`) and long (`Fn::Name:`) forms of every intrinsic read to the same value, in YAML and JSON.
@Suite struct ReadingIntrinsicTests {
  static let pairs: [(short: String, long: String, json: String, expected: Intrinsic)] = [
    ("!Ref Bucket", "{Ref: Bucket}", #"{"Ref": "Bucket"}"#, .ref("Bucket")),
    ("!Ref AWS::Region", "{Ref: 'AWS::Region'}", #"{"Ref": "AWS::Region"}"#, .ref("AWS::Region")),
    (
      "!GetAtt Bucket.Arn", "{Fn::GetAtt: [Bucket, Arn]}", #"{"Fn::GetAtt": ["Bucket", "Arn"]}"#,
      .getAtt(resource: "Bucket", attribute: "Arn")
    ),
    (
      "!GetAtt Db.Endpoint.Address", "{Fn::GetAtt: [Db, Endpoint.Address]}",
      #"{"Fn::GetAtt": ["Db", "Endpoint.Address"]}"#,
      .getAtt(resource: "Db", attribute: "Endpoint.Address")
    ),
    (
      "!GetAtt [Bucket, Arn]", "{Fn::GetAtt: Bucket.Arn}", #"{"Fn::GetAtt": "Bucket.Arn"}"#,
      .getAtt(resource: "Bucket", attribute: "Arn")
    ),
    (
      "!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'",
      "{Fn::Sub: 'arn:${AWS::Partition}:s3:::${Bucket}/*'}",
      #"{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*"}"#,
      .sub(Sub("arn:${AWS::Partition}:s3:::${Bucket}/*"))
    ),
    (
      "!Sub ['${A}-x', {A: !Ref B}]", "{Fn::Sub: ['${A}-x', {A: {Ref: B}}]}",
      #"{"Fn::Sub": ["${A}-x", {"A": {"Ref": "B"}}]}"#,
      .sub(Sub("${A}-x", variables: ["A": .ref("B")]))
    ),
    (
      "!Join [',', [a, b]]", "{Fn::Join: [',', [a, b]]}", #"{"Fn::Join": [",", ["a", "b"]]}"#,
      .join(delimiter: ",", values: ["a", "b"])
    ),
    (
      "!Join ['', !GetAZs '']", "{Fn::Join: ['', {Fn::GetAZs: ''}]}",
      #"{"Fn::Join": ["", {"Fn::GetAZs": ""}]}"#,
      .join(delimiter: "", values: .intrinsic(.getAZs("")))
    ),
    (
      "!Select [0, !GetAZs '']", "{Fn::Select: [0, {Fn::GetAZs: ''}]}",
      #"{"Fn::Select": [0, {"Fn::GetAZs": ""}]}"#,
      .select(index: 0, list: .intrinsic(.getAZs("")))
    ),
    (
      "!Split [',', !Ref List]", "{Fn::Split: [',', {Ref: List}]}",
      #"{"Fn::Split": [",", {"Ref": "List"}]}"#,
      .split(delimiter: ",", source: .ref("List"))
    ),
    (
      "!If [Prod, 1, !Ref 'AWS::NoValue']", "{Fn::If: [Prod, 1, {Ref: 'AWS::NoValue'}]}",
      #"{"Fn::If": ["Prod", 1, {"Ref": "AWS::NoValue"}]}"#,
      .if(condition: "Prod", then: 1, else: .ref("AWS::NoValue"))
    ),
    (
      "!Equals [!Ref Env, prod]", "{Fn::Equals: [{Ref: Env}, prod]}",
      #"{"Fn::Equals": [{"Ref": "Env"}, "prod"]}"#,
      .equals(.ref("Env"), "prod")
    ),
    (
      "!And [!Condition A, !Equals [a, b]]", "{Fn::And: [{Condition: A}, {Fn::Equals: [a, b]}]}",
      #"{"Fn::And": [{"Condition": "A"}, {"Fn::Equals": ["a", "b"]}]}"#,
      .and([.intrinsic(.condition("A")), .intrinsic(.equals("a", "b"))])
    ),
    (
      "!Or [!Condition A, !Condition B]", "{Fn::Or: [{Condition: A}, {Condition: B}]}",
      #"{"Fn::Or": [{"Condition": "A"}, {"Condition": "B"}]}"#,
      .or([.intrinsic(.condition("A")), .intrinsic(.condition("B"))])
    ),
    (
      "!Not [!Condition A]", "{Fn::Not: [{Condition: A}]}", #"{"Fn::Not": [{"Condition": "A"}]}"#,
      .not(.intrinsic(.condition("A")))
    ),
    (
      "!FindInMap [Map, !Ref 'AWS::Region', Ami]",
      "{Fn::FindInMap: [Map, {Ref: 'AWS::Region'}, Ami]}",
      #"{"Fn::FindInMap": ["Map", {"Ref": "AWS::Region"}, "Ami"]}"#,
      .findInMap(map: "Map", topKey: .ref("AWS::Region"), secondKey: "Ami", defaultValue: nil)
    ),
    (
      "!FindInMap [Map, a, b, {DefaultValue: x}]",
      "{Fn::FindInMap: [Map, a, b, {DefaultValue: x}]}",
      #"{"Fn::FindInMap": ["Map", "a", "b", {"DefaultValue": "x"}]}"#,
      .findInMap(map: "Map", topKey: "a", secondKey: "b", defaultValue: "x")
    ),
    (
      "!ImportValue shared-vpc", "{Fn::ImportValue: shared-vpc}",
      #"{"Fn::ImportValue": "shared-vpc"}"#,
      .importValue("shared-vpc")
    ),
    (
      "{Fn::ImportValue: !Sub '${Env}-vpc'}", "{Fn::ImportValue: {Fn::Sub: '${Env}-vpc'}}",
      #"{"Fn::ImportValue": {"Fn::Sub": "${Env}-vpc"}}"#, .importValue(.sub("${Env}-vpc"))
    ),
    (
      "!GetAZs us-east-1", "{Fn::GetAZs: us-east-1}", #"{"Fn::GetAZs": "us-east-1"}"#,
      .getAZs("us-east-1")
    ),
    ("!Base64 hello", "{Fn::Base64: hello}", #"{"Fn::Base64": "hello"}"#, .base64("hello")),
    (
      "!Cidr [10.0.0.0/16, 4, 8]", "{Fn::Cidr: [10.0.0.0/16, 4, 8]}",
      #"{"Fn::Cidr": ["10.0.0.0/16", 4, 8]}"#,
      .cidr(ipBlock: "10.0.0.0/16", count: 4, cidrBits: 8)
    ),
    (
      "!Transform {Name: 'AWS::Include', Parameters: {Location: s3://b/k}}",
      "{Fn::Transform: {Name: 'AWS::Include', Parameters: {Location: s3://b/k}}}",
      #"{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}}"#,
      .transform(name: "AWS::Include", parameters: ["Location": "s3://b/k"])
    ),
    (
      "!ToJsonString {a: !Ref B}", "{Fn::ToJsonString: {a: {Ref: B}}}",
      #"{"Fn::ToJsonString": {"a": {"Ref": "B"}}}"#,
      .toJsonString(["a": .ref("B")])
    ),
    (
      "!Length [a, b]", "{Fn::Length: [a, b]}", #"{"Fn::Length": ["a", "b"]}"#, .length(["a", "b"])
    ),
    (
      "!Condition IsProd", "{Fn::Not: [{Fn::Not: [{Condition: IsProd}]}]}", "", .condition("IsProd")
    ),
  ]

  @Test(arguments: pairs.indices)
  func shortLongAndJSONReadTheSame(_ index: Int) throws {
    let pair = Self.pairs[index]
    let short = try Value.parse(Array("V: \(pair.short)\n".utf8), file: "s.yaml", format: .yaml)
    #expect(short["V"]?.kind == .intrinsic(pair.expected), "short form \(pair.short)")
    if pair.json.isEmpty { return }  // the last row only checks the short form
    let long = try Value.parse(Array("V: \(pair.long)\n".utf8), file: "l.yaml", format: .yaml)
    #expect(long["V"]?.kind == .intrinsic(pair.expected), "long form \(pair.long)")
    let json = try Value.parse(Array(#"{"V": \#(pair.json)}"#.utf8), file: "j.json", format: .json)
    #expect(json["V"]?.kind == .intrinsic(pair.expected), "json \(pair.json)")
  }

  @Test func blockStyleLongFormEqualsShortForm() throws {
    let long = try Value.parse(
      Array(
        """
        V:
          Fn::If:
            - Prod
            - Fn::GetAtt:
                - Bucket
                - Arn
            - Ref: AWS::NoValue
        """.utf8), file: "l.yaml", format: .yaml)
    let short = try Value.parse(
      Array("V: !If [Prod, !GetAtt Bucket.Arn, !Ref AWS::NoValue]".utf8), file: "s.yaml",
      format: .yaml)
    #expect(long == short)
    #expect(
      long["V"]?.kind
        == .intrinsic(
          .if(condition: "Prod", then: .getAtt("Bucket", "Arn"), else: .ref("AWS::NoValue"))))
  }

  @Test func conditionIsAnOrdinaryKeyOutsideConditionPositions() throws {
    let value = try Value.parse(
      Array(
        """
        Statement:
          - Effect: Allow
            Condition:
              Bool: {aws:SecureTransport: 'true'}
          - Condition: OnlyKey
        """.utf8), file: "p.yaml", format: .yaml)
    let statements = try #require(value["Statement"]?.listValue)
    #expect(statements[1].kind == .map(["Condition": "OnlyKey"]))
    #expect(statements[0]["Condition"]?.mapValue?.keys == ["Bool"])
  }

  @Test func unknownFunctionKeysStayMappings() throws {
    let value = try Value.parse(
      Array(
        """
        Fn::ForEach::Topics:
          - Name
          - [a, b]
          - Topic${Name}: {Type: AWS::SNS::Topic}
        Other: {Fn::Foo: bar}
        """.utf8), file: "x.yaml", format: .yaml)
    #expect(value["Fn::ForEach::Topics"]?.listValue?.count == 3)
    #expect(value["Other"]?.kind == .map(["Fn::Foo": "bar"]))
  }
}

extension ReadingIntrinsicTests {
  /// Every long-form name has its short tag, and no other tag is a function.
  @Test func everyFunctionHasItsShortTag() {
    for name in Intrinsic.names {
      let tag = "!" + (name.hasPrefix("Fn::") ? String(name.dropFirst(4)) : name)
      #expect(IntrinsicDecoding.functionName(forTag: tag) == name, "\(tag)")
    }
    #expect(IntrinsicDecoding.functionName(forTag: "!Fn::GetAtt") == nil)
    #expect(IntrinsicDecoding.functionName(forTag: "!ForEach") == nil)
  }
}
