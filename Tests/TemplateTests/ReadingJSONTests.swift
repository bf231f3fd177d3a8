import Testing

@testable import Template

/// The JSON reader: escapes, whitespace, numbers and locations.
@Suite struct ReadingJSONTests {
  func read(_ text: String) throws -> Value {
    try Value.parse(Array(text.utf8), file: "t.json", format: .json)
  }

  @Test func escapesDecode() throws {
    let value = try read(#"{"a": "x\/y\\z\"q\n\t\u00e9\ud83d\ude00\b\f\r"}"#)
    #expect(value["a"]?.kind == .string("x/y\\z\"q\n\té😀\u{8}\u{c}\r"))
  }

  @Test func tabsAndCarriageReturnsAreWhitespace() throws {
    let value = try read(
      "{\r\n\t\"Resources\":\t{\r\n\t\t\"B\": {\"Type\": \"AWS::S3::Bucket\"}\r\n\t}\r\n}")
    let entry = try #require(value["Resources"]?.mapValue?.entry("B"))
    #expect(entry.keyLocation == SourceLocation(file: "t.json", line: 3, column: 3))
    #expect(entry.value["Type"]?.location == SourceLocation(file: "t.json", line: 3, column: 17))
  }

  @Test func numbersKeepTheirLiteral() throws {
    let value = try read(#"[0, -1, 1.50, 2e10, -0.5E-3, 12345678901234567890123]"#)
    #expect(
      value.listValue?.compactMap(\.numberValue?.literal) == [
        "0", "-1", "1.50", "2e10", "-0.5E-3", "12345678901234567890123",
      ])
  }

  @Test func literalsAndNesting() throws {
    let value = try read(#"{"t": true, "f": false, "n": null, "l": [[], {}], "e": ""}"#)
    #expect(value == ["t": true, "f": false, "n": nil, "l": [[], [:]], "e": ""])
  }

  @Test func locationsOnOneLongLine() throws {
    let value = try read(#"{"a": 1, "é": 2, "c": [3, {"d": 4}]}"#)
    let map = try #require(value.mapValue)
    #expect(map.entry("é")?.keyLocation == SourceLocation(file: "t.json", line: 1, column: 10))
    #expect(map.entry("c")?.keyLocation == SourceLocation(file: "t.json", line: 1, column: 18))
    #expect(
      value["c"]?.listValue?[1].location == SourceLocation(file: "t.json", line: 1, column: 27))
    #expect(
      value["c"]?.listValue?[1]["d"]?.location
        == SourceLocation(file: "t.json", line: 1, column: 33))
  }

  @Test func jsonAndYAMLReadTheSameTemplate() throws {
    let json = try Template.parse(
      #"""
      {"AWSTemplateFormatVersion": "2010-09-09",
       "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-b"}}}}}
      """#, file: "t.json")
    let yaml = try Template.parse(
      """
      AWSTemplateFormatVersion: 2010-09-09
      Resources:
        B:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: !Sub ${AWS::StackName}-b
      """, file: "t.yaml")
    #expect(json == yaml)
  }
}

extension ReadingJSONTests {
  @Test func nulAndEdgeNumbers() throws {
    let value = try read(#"{"s": "a\u0000b", "n": [-0, 1E5, 0.0]}"#)
    #expect(value["s"]?.kind == .string("a\u{0}b"))
    #expect(value["n"]?.listValue?.compactMap(\.numberValue?.literal) == ["-0", "1E5", "0.0"])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let value = try Value.parse(
      [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8), file: "b.json", format: .json)
    #expect(
      value.mapValue?.entry("a")?.keyLocation == SourceLocation(file: "b.json", line: 1, column: 2))
  }
}
