import Foundation
import Testing

@testable import Template

/// Every bad-input fixture gives its expected error id, location and message; good fixtures
/// and generated inputs (deep nesting, alias bombs, big files) behave as documented.
@Suite struct ReadingFixtureTests {
  struct Expectation: Sendable, CustomTestStringConvertible {
    var file: String
    var id: TemplateError.ID
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { file }
  }

  static func expect(
    _ file: String, _ id: TemplateError.ID, _ line: Int, _ column: Int, _ message: String
  ) -> Expectation {
    Expectation(file: file, id: id, line: line, column: column, message: message)
  }

  static let bad: [Expectation] = [
    // Malformed YAML, reported by libyaml.
    expect(
      "yaml-unclosed-flow.yaml", .yamlSyntax, 2, 51,
      "did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 46)"
    ),
    expect("yaml-bad-indentation.yaml", .yamlSyntax, 4, 4, "did not find expected key"),
    expect(
      "yaml-unclosed-quote.yaml", .yamlSyntax, 5, 1,
      "found unexpected end of stream (while scanning a quoted scalar that starts at line 1, column 14)"
    ),
    expect(
      "yaml-colon-in-plain-scalar.yaml", .yamlSyntax, 5, 19,
      "mapping values are not allowed in this context"),
    expect("yaml-unknown-escape.yaml", .yamlSyntax, 5, 21, "found unknown escape character"),
    expect(
      "yaml-tab-indentation.yaml", .yamlSyntax, 2, 1,
      "a tab character cannot indent YAML; indent with spaces"),
    expect(
      "yaml-control-character.yaml", .yamlSyntax, 3, 21,
      "control characters are not allowed (byte 0x1)"),
    expect("yaml-unsupported-version.yaml", .yamlSyntax, 1, 1, "found incompatible YAML document"),
    // Encoding and emptiness.
    expect("invalid-utf8.yaml", .invalidEncoding, 5, 21, "the file is not valid UTF-8 (byte 0xE9)"),
    expect("invalid-utf8.json", .invalidEncoding, 1, 82, "the file is not valid UTF-8 (byte 0xC0)"),
    expect("utf16.yaml", .invalidEncoding, 1, 1, "the file is UTF-16"),
    expect("empty.yaml", .emptyDocument, 1, 1, "the file is empty"),
    expect("whitespace-only.yaml", .emptyDocument, 1, 1, "the file has no YAML document"),
    expect("whitespace-only.json", .emptyDocument, 1, 1, "the file has no JSON document"),
    expect("empty-document.yaml", .emptyDocument, 2, 1, "the document is empty"),
    expect(
      "multiple-documents.yaml", .multipleDocuments, 4, 1, "a second YAML document starts here"),
    // Duplicate keys at every level: the second key, naming the first's line.
    expect(
      "duplicate-section.yaml", .duplicateKey, 5, 1,
      "duplicate key 'Resources': it is already defined at line 1"),
    expect(
      "duplicate-resource.yaml", .duplicateKey, 6, 3,
      "duplicate key 'Topic': it is already defined at line 2"),
    expect(
      "duplicate-properties.yaml", .duplicateKey, 6, 5,
      "duplicate key 'Properties': it is already defined at line 4"),
    expect(
      "duplicate-property.yaml", .duplicateKey, 7, 7,
      "duplicate key 'BucketName': it is already defined at line 5"),
    expect(
      "duplicate-deep.yaml", .duplicateKey, 12, 17,
      "duplicate key 'Effect': it is already defined at line 9"),
    expect(
      "duplicate-flow.yaml", .duplicateKey, 1, 41,
      "duplicate key 'A': it is already defined at line 1"),
    expect(
      "json-duplicate-key.json", .duplicateKey, 3, 42,
      "duplicate key 'Type': it is already defined at line 3"),
    // Tags and intrinsic shapes.
    expect(
      "unknown-tag.yaml", .unknownTag, 5, 18, "!Reff is not a CloudFormation intrinsic function"),
    expect(
      "unknown-standard-tag.yaml", .unknownTag, 5, 18,
      "!!binary is not a CloudFormation intrinsic function"),
    expect(
      "getatt-three-items.yaml", .intrinsicShape, 5, 18,
      "!GetAtt takes two items, a resource's logical id and an attribute name, but this list has 3"),
    expect(
      "getatt-no-attribute.yaml", .intrinsicShape, 5, 18,
      "!GetAtt takes 'Resource.Attribute', but 'Queue' has no attribute after a dot"),
    expect(
      "if-two-items.yaml", .intrinsicShape, 5, 18,
      "!If takes 3 items (a condition name, a value if true and a value if false), but this list has 2"
    ),
    expect(
      "join-not-a-list.yaml", .intrinsicShape, 5, 18,
      "!Join takes a list of values to join as its second item, not a string"),
    expect(
      "sub-three-items.yaml", .intrinsicShape, 5, 18,
      "!Sub takes 2 items (a template string and a variable map), but this list has 3"),
    expect(
      "and-one-condition.yaml", .intrinsicShape, 3, 6,
      "!And takes 2 to 10 items (conditions), but this list has 1"),
    expect(
      "findinmap-bad-default.yaml", .intrinsicShape, 5, 18,
      "!FindInMap takes {DefaultValue: value} as its fourth item, not a string"),
    expect(
      "ref-list.json", .intrinsicShape, 1, 82,
      "Ref takes the logical id of a parameter or resource as a literal string, not a list"),
    expect(
      "contains-one-item.yaml", .intrinsicShape, 4, 17,
      "!Contains takes 2 items (two values), but this list has 1"),
    expect(
      "transform-empty-list.yaml", .intrinsicShape, 5, 19,
      "Fn::Transform takes at least one macro call, but this list is empty"),
    // Rain sources: rejected until `rain pkg` has made them templates.
    expect(
      "rain-embed.yaml", .rainSource, 6, 18,
      "!Rain::Embed is a Rain directive: this is a Rain source, not a CloudFormation template; package it first with 'rain pkg' and check the packaged template"
    ),
    expect(
      "rain-module.json", .rainSource, 4, 16,
      "Rain::Module is a Rain directive: this is a Rain source, not a CloudFormation template; package it first with 'rain pkg'"
    ),
    // Aliases and keys.
    expect(
      "billion-laughs.yaml", .aliasExpansion, 7, 38, "aliases expand to more than 100000 nodes"),
    expect(
      "unknown-alias.yaml", .unknownAlias, 5, 13,
      "the alias *tags names no anchor defined before it"),
    expect("complex-key.yaml", .complexKey, 2, 5, "a mapping key must be a scalar, not a list"),
    expect("tagged-key.yaml", .complexKey, 2, 3, "a mapping key cannot be tagged with !Ref"),
    // Template shapes.
    expect(
      "root-list.yaml", .rootNotMapping, 1, 1,
      "the template is a list, but a template must be a mapping of sections"),
    expect("root-scalar.yaml", .rootNotMapping, 1, 1, "the template is a string"),
    expect("root-array.json", .rootNotMapping, 1, 1, "the template is a list"),
    expect(
      "resources-list.yaml", .sectionShape, 2, 3,
      "the Resources section must be a mapping, not a list"),
    expect(
      "resource-not-mapping.yaml", .sectionShape, 2, 10,
      "resource 'Topic' must be a mapping with Type and Properties, not a string"),
    expect(
      "properties-string.yaml", .sectionShape, 4, 17,
      "the Properties of resource 'Topic' must be a mapping, not a string"),
    expect(
      "properties-if-string-branch.yaml", .sectionShape, 6, 17,
      "each branch of the Fn::If of resource 'Topic''s Properties must be a mapping or AWS::NoValue"),
    expect(
      "type-not-string.yaml", .sectionShape, 3, 11, "the Type of resource 'Topic' must be a string"),
    expect(
      "dependson-mapping.yaml", .sectionShape, 4, 16,
      "DependsOn of resource 'Topic' must be a logical id or a list of them, not a mapping"),
    expect("output-without-value.yaml", .sectionShape, 5, 3, "output 'TopicArn' has no Value"),
    expect(
      "export-without-name.yaml", .sectionShape, 7, 13,
      "the Export of output 'TopicArn' must be a mapping with only a Name"),
    // Malformed JSON.
    expect(
      "json-trailing-comma.json", .jsonSyntax, 3, 41, "a trailing comma is not allowed in JSON"),
    expect(
      "json-trailing-comma-list.json", .jsonSyntax, 1, 75, "a trailing comma is not allowed in JSON"
    ),
    expect("json-line-comment.json", .jsonSyntax, 2, 3, "comments are not allowed in JSON"),
    expect("json-block-comment.json", .jsonSyntax, 2, 35, "comments are not allowed in JSON"),
    expect(
      "json-unterminated-string.json", .jsonSyntax, 2, 35,
      "this string runs past the end of its line"),
    expect(
      "json-unterminated-document.json", .jsonSyntax, 4, 1,
      "the file ends in the middle of the JSON document (the '{' at line 2, column 16 is never closed)"
    ),
    expect(
      "json-bad-unicode-escape.json", .jsonSyntax, 1, 21,
      "\\u must be followed by four hexadecimal digits"),
    expect(
      "json-lone-surrogate.json", .jsonSyntax, 1, 25, "the escape \\uD83D is a lone high surrogate"),
    expect(
      "json-lone-low-surrogate.json", .jsonSyntax, 1, 20,
      "the escape \\uDE80 is a lone low surrogate"),
    expect("json-bad-escape.json", .jsonSyntax, 1, 20, "'\\w' is not a JSON escape"),
    expect(
      "json-single-quotes.json", .jsonSyntax, 1, 2,
      "JSON strings use double quotes, not single quotes"),
    expect("json-leading-zero.json", .jsonSyntax, 1, 40, "a JSON number cannot have leading zeros"),
    expect("json-missing-colon.json", .jsonSyntax, 1, 14, "expected ':' after the key, found '{'"),
    expect(
      "json-content-after-document.json", .jsonSyntax, 2, 1,
      "unexpected '{' after the end of the JSON document"),
    expect(
      "json-control-character.json", .jsonSyntax, 1, 19, "a string cannot contain a tab unescaped"),
    expect(
      "json-bare-word.json", .jsonSyntax, 1, 34,
      "expected a value, found 'AWS'; JSON strings need double quotes"),
  ]

  static func fixture(_ folder: String, _ name: String) throws -> String {
    let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return root.appendingPathComponent(folder).appendingPathComponent(name).path
  }

  @Test(arguments: bad)
  func badInputGivesItsError(_ expected: Expectation) throws {
    let path = try Self.fixture("bad", expected.file)
    let error = #expect(throws: TemplateError.self) { try Template.read(contentsOf: path) }
    #expect(error?.id == expected.id)
    #expect(
      error?.location == SourceLocation(file: path, line: expected.line, column: expected.column))
    #expect(error?.message.contains(expected.message) == true, "\(error?.message ?? "no error")")
  }

  @Test func everyBadFixtureIsInTheTable() throws {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
      .appendingPathComponent("bad")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files == Self.bad.map(\.file).sorted())
  }

  @Test(arguments: [
    "bucket-role-short-form.yaml", "long-form-conditions-mappings.yaml", "vpc-tabs.json",
    "bom.yaml", "language-extensions.yaml", "getatt-dynamic-attribute.yaml",
  ])
  func goodFixturesRead(_ name: String) throws {
    let parsed = try Template.read(contentsOf: try Self.fixture("good", name))
    #expect(parsed.warnings.isEmpty)
    #expect(!parsed.template.resources.isEmpty)
  }

  /// `Ref` and `Fn::GetAtt` with computed names (language extensions) stay one-key mappings, in
  /// both spellings, rather than failing or losing the function inside.
  @Test func dynamicReferencesStayAsWritten() throws {
    let short = try Template.parse(
      """
      Resources:
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            TopicName: !GetAtt [Queue, !Ref AttributeName]
            DisplayName: !Ref {Fn::Sub: "Name${Suffix}"}
      """)
    let long = try Template.parse(
      """
      {"Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {
        "TopicName": {"Fn::GetAtt": ["Queue", {"Ref": "AttributeName"}]},
        "DisplayName": {"Ref": {"Fn::Sub": "Name${Suffix}"}}}}}}
      """, format: .json)
    #expect(short == long)
    let properties = try #require(short.resources["Topic"]?.properties)
    #expect(properties["TopicName"] == ["Fn::GetAtt": ["Queue", .ref("AttributeName")]])
    #expect(properties["DisplayName"] == ["Ref": .sub("Name${Suffix}")])
    #expect(try Template.parse(short.yaml()) == short)
  }

  @Test func byteOrderMarkIsSkippedAndColumnsStartAtOne() throws {
    let parsed = try Template.read(contentsOf: try Self.fixture("good", "bom.yaml"))
    #expect(parsed.template.sectionLocations["Resources"]?.column == 1)
    #expect(parsed.template.resources["Topic"]?.type == "AWS::SNS::Topic")
  }

  @Test func jsonWithTabsAndEscapes() throws {
    let template = try Template.read(contentsOf: try Self.fixture("good", "vpc-tabs.json")).template
    #expect(template.description == "Tabs, escapes / and é 🚀")
    let subnet = try #require(template.resources["Subnet"])
    #expect(subnet.location?.line == 15)
    #expect(subnet.location?.column == 3)
    #expect(
      subnet[property: "CidrBlock"]
        == .intrinsic(
          .select(
            index: 0,
            list: .intrinsic(.cidr(ipBlock: .getAtt("Vpc", "CidrBlock"), count: 4, cidrBits: 8)))))
  }

  /// (format, prefix, repeated opening, column of the 513th opening) for 100,000 levels.
  static let deepInputs: [(TemplateFormat, String, String, Int)] = [
    (.yaml, "A: ", "[", 515),
    (.yaml, "A: ", "{a: ", 2048),
    (.json, "{\"A\": ", "[", 518),
    (.json, "", "{\"a\": ", 3073),
  ]

  @Test(arguments: deepInputs.indices)
  func nestingHundredThousandDeepIsAnErrorNotACrash(_ index: Int) throws {
    let (format, prefix, opening, column) = Self.deepInputs[index]
    let text = prefix + String(repeating: opening, count: 100_000)
    let error = #expect(throws: TemplateError.self) {
      try Template.parse(text, file: "deep", format: format)
    }
    #expect(error?.id == .tooDeep)
    #expect(error?.location == SourceLocation(file: "deep", line: 1, column: column))
  }

  @Test func deepBlockNestingIsAnError() throws {
    var text = ""
    for level in 0..<600 { text += String(repeating: " ", count: level) + "k:\n" }
    let error = #expect(throws: TemplateError.self) { try Template.parse(text, file: "deep.yaml") }
    #expect(error?.id == .tooDeep)
    #expect(error?.location == SourceLocation(file: "deep.yaml", line: 513, column: 513))
  }

  @Test func aliasBombStopsQuicklyAndSmall() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let error = #expect(throws: TemplateError.self) {
      try Template.read(contentsOf: try Self.fixture("bad", "billion-laughs.yaml"))
    }
    #expect(error?.id == .aliasExpansion)
    #expect(clock.now - start < .seconds(2))
  }

  @Test func aliasesWithinTheLimitAreRead() throws {
    var text = "Metadata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for (previous, name) in zip("abc", "bcd") {
      text +=
        "  \(name): &\(name) ["
        + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    text += "Resources: {}\n"
    let template = try Template.parse(text, file: "aliases.yaml")
    #expect(template.metadata?["d"]?.listValue?.count == 10)
  }

  @Test func fileOverOneMegabyteIsReadWithAWarning() throws {
    var text = "AWSTemplateFormatVersion: 2010-09-09\nResources:\n"
    var count = 0
    while text.utf8.count <= 1_100_000 {
      text +=
        "  Topic\(count):\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub ${AWS::StackName}-topic-\(count)\n"
      count += 1
    }
    let parsed = try Template.parse(Array(text.utf8), file: "big.yaml")
    #expect(parsed.template.resources.count == count)
    #expect(parsed.warnings.map(\.id) == ["W0001"])
    #expect(parsed.warnings.first?.location == SourceLocation(file: "big.yaml", line: 1, column: 1))
  }

  @Test func fileOverTheReaderLimitIsRefused() throws {
    let bytes = [UInt8](repeating: UInt8(ascii: " "), count: (64 << 20) + 1)
    let error = #expect(throws: TemplateError.self) {
      try Value.parse(bytes, file: "huge.yaml", format: .yaml)
    }
    #expect(error?.id == .fileTooLarge)
  }
}

extension ReadingFixtureTests {
  /// Aliases nested in anchors, level after level, cannot build a tree deeper than the limit.
  @Test func aliasesCannotNestPastTheDepthLimit() throws {
    var text =
      "Metadata:\n  a0: &a0 " + String(repeating: "[", count: 200) + "x"
      + String(repeating: "]", count: 200) + "\n"
    for level in 1...3 {
      text +=
        "  a\(level): &a\(level) " + String(repeating: "[", count: 200) + "*a\(level - 1)"
        + String(repeating: "]", count: 200) + "\n"
    }
    let error = #expect(throws: TemplateError.self) { try Template.parse(text, file: "nest.yaml") }
    #expect(error?.id == .tooDeep)
    #expect(error?.location == SourceLocation(file: "nest.yaml", line: 4, column: 211))
  }
}
