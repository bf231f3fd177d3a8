import Testing

@testable import Template

/// YAML scalars, locations and structure as the reader builds them.
@Suite struct ReadingYAMLTests {
  func read(_ text: String, file: String = "t.yaml") throws -> Value {
    try Value.parse(Array(text.utf8), file: file, format: .yaml)
  }

  @Test(arguments: [
    ("true", Value.Kind.bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
    ("yes", .bool(true)),
    ("Yes", .bool(true)), ("on", .bool(true)), ("ON", .bool(true)), ("false", .bool(false)),
    ("no", .bool(false)),
    ("NO", .bool(false)), ("off", .bool(false)), ("Off", .bool(false)),
    ("y", .string("y")), ("n", .string("n")), ("yEs", .string("yEs")),
    ("null", .null), ("~", .null), ("", .null), ("Null", .null), ("nil", .string("nil")),
    ("42", .number(Number(literal: "42"))), ("-7", .number(Number(literal: "-7"))),
    ("0080", .number(Number(literal: "0080"))), ("1.10", .number(Number(literal: "1.10"))),
    ("1e3", .number(Number(literal: "1e3"))), ("6.02E+23", .number(Number(literal: "6.02E+23"))),
    (".5", .number(Number(literal: ".5"))), ("0x1F", .number(Number(literal: "0x1F"))),
    ("0o17", .number(Number(literal: "0o17"))), ("1_000", .number(Number(literal: "1_000"))),
    (".inf", .number(Number(literal: ".inf"))), ("-.inf", .number(Number(literal: "-.inf"))),
    (".nan", .number(Number(literal: ".nan"))),
    ("2010-09-09", .string("2010-09-09")), ("12:30:00", .string("12:30:00")),
    ("1.2.3", .string("1.2.3")),
    ("10.0.0.0/16", .string("10.0.0.0/16")), ("-x", .string("-x")), ("1e", .string("1e")),
    (".", .string(".")),
    ("'true'", .string("true")), ("\"42\"", .string("42")), ("!!str 42", .string("42")),
    ("!!int 42", .number(Number(literal: "42"))),
    ("''", .string("")),
  ])
  func plainScalarsResolveAsCloudFormationDoes(_ written: String, _ expected: Value.Kind) throws {
    #expect(try read("V: \(written)\n")["V"]?.kind == expected)
  }

  @Test func everyNodeIsLocated() throws {
    let value = try read(
      """
      # comment
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            Tags: [{Key: a, Value: !Ref X}]
      """)
    let resources = try #require(value.mapValue?.entry("Resources"))
    #expect(resources.keyLocation == SourceLocation(file: "t.yaml", line: 2, column: 1))
    let bucket = try #require(resources.value.mapValue?.entry("Bucket"))
    #expect(bucket.keyLocation == SourceLocation(file: "t.yaml", line: 3, column: 3))
    #expect(bucket.value.location == SourceLocation(file: "t.yaml", line: 4, column: 5))
    let type = try #require(bucket.value["Type"])
    #expect(type.location == SourceLocation(file: "t.yaml", line: 4, column: 11))
    let tags = try #require(bucket.value["Properties"]?["Tags"])
    #expect(tags.location == SourceLocation(file: "t.yaml", line: 6, column: 13))
    let tag = try #require(tags.listValue?.first)
    #expect(tag.location == SourceLocation(file: "t.yaml", line: 6, column: 14))
    #expect(
      tag.mapValue?.entry("Value")?.keyLocation
        == SourceLocation(file: "t.yaml", line: 6, column: 23))
    #expect(tag["Value"]?.location == SourceLocation(file: "t.yaml", line: 6, column: 30))
    #expect(tag["Value"]?.kind == .intrinsic(.ref("X")))
  }

  @Test func longFormIntrinsicIsLocatedAtItsKey() throws {
    let value = try read("A:\n  B:\n    Fn::GetAtt: [X, Y]\n")
    #expect(value["A"]?["B"]?.location == SourceLocation(file: "t.yaml", line: 3, column: 5))
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let value = try read("Ä: {ö: ü, k: v}\n")
    #expect(
      value["Ä"]?.mapValue?.entry("k")?.keyLocation
        == SourceLocation(file: "t.yaml", line: 1, column: 11))
  }

  @Test func anchorsAndAliasesShareValues() throws {
    let value = try read(
      """
      Tags: &tags
        - {Key: team, Value: genomics}
      Other: *tags
      """)
    #expect(value["Other"] == value["Tags"])
    #expect(value["Other"]?.location == SourceLocation(file: "t.yaml", line: 3, column: 8))
  }

  @Test func aliasCanBeAKey() throws {
    let value = try read("a: &k Name\n*k : 1\n")
    #expect(value.mapValue?.keys == ["a", "Name"])
  }

  @Test func multiLineStringsKeepTheirText() throws {
    let value = try read(
      """
      Script: |
        #!/bin/bash
        echo ${AWS::Region}
      Folded: >-
        one
        two
      """)
    #expect(value["Script"]?.kind == .string("#!/bin/bash\necho ${AWS::Region}\n"))
    #expect(value["Folded"]?.kind == .string("one two"))
  }

  @Test func documentMarkersAreAccepted() throws {
    let value = try read("%YAML 1.1\n---\nA: 1\n...\n")
    #expect(value["A"]?.kind == .number(Number(literal: "1")))
  }

  @Test func windowsLineEndingsCountLines() throws {
    let value = try read("A: 1\r\nB: 2\r\n")
    #expect(
      value.mapValue?.entry("B")?.keyLocation == SourceLocation(file: "t.yaml", line: 2, column: 1))
  }

  @Test func deepButBoundedNestingIsRead() throws {
    let depth = 200
    let text = "V: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var value = try read(text)["V"]
    var levels = 0
    while let list = value?.listValue {
      levels += 1
      value = list.first
    }
    #expect(levels == depth)
  }
}
