import Testing

@testable import Template

/// Exact JSON output: two-space indentation, keys in model order, long-form intrinsics,
/// escapes, and numbers JSON cannot spell.
@Suite struct WritingJSONTests {
  @Test func template() {
    var template = Template(description: "A topic")
    template.parameters["Name"] = Parameter(type: "String", attributes: ["Default": "alerts"])
    var topic = Resource(
      type: "AWS::SNS::Topic",
      properties: [
        "TopicName": .sub("${Name}-${AWS::Region}"),
        "Tags": [],
        "Subscription": [["Protocol": "email", "Endpoint": .getAtt("Queue", "Arn")]],
        "FifoTopic": false,
        "Empty": [:],
      ])
    topic.dependsOn = [Located("Queue")]
    template.resources["Topic"] = topic
    template.outputs["Arn"] = Output(value: .ref("Topic"), exportName: "topic-arn")
    #expect(
      template.json() == """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "A topic",
          "Parameters": {
            "Name": {
              "Type": "String",
              "Default": "alerts"
            }
          },
          "Resources": {
            "Topic": {
              "Type": "AWS::SNS::Topic",
              "DependsOn": [
                "Queue"
              ],
              "Properties": {
                "TopicName": {
                  "Fn::Sub": "${Name}-${AWS::Region}"
                },
                "Tags": [],
                "Subscription": [
                  {
                    "Protocol": "email",
                    "Endpoint": {
                      "Fn::GetAtt": [
                        "Queue",
                        "Arn"
                      ]
                    }
                  }
                ],
                "FifoTopic": false,
                "Empty": {}
              }
            }
          },
          "Outputs": {
            "Arn": {
              "Value": {
                "Ref": "Topic"
              },
              "Export": {
                "Name": "topic-arn"
              }
            }
          }
        }

        """)
  }

  /// `"` and `\` escaped, control characters (C0, DEL, C1) as short escapes or `\u00XX`,
  /// everything else, non-ASCII included, as UTF-8.
  @Test func escapes() throws {
    let text = "q\" b\\ n\n r\r t\t b\u{8} f\u{C} nul\u{0} esc\u{1B} del\u{7F} nel\u{85} é 日 😀 / </"
    let json = Value.list([.string(text)]).json()
    #expect(
      json == """
        [
          "q\\" b\\\\ n\\n r\\r t\\t b\\b f\\f nul\\u0000 esc\\u001b del\\u007f nel\\u0085 é 日 😀 / </"
        ]

        """)
    #expect(
      try Value.parse(Array(json.utf8), file: "e.json", format: .json) == .list([.string(text)]))
  }

  /// A literal that is a valid JSON number is written as is; a YAML-only literal is written as
  /// the string of its exact spelling (see `JSONWriter`).
  @Test func numbers() {
    let literals = [
      "0", "-1", "42", "1.10", "1e3", "-2.5E-3", "012", ".5", "1.", "+1", "0x1F", "1_000", ".inf",
    ]
    let value = Value.list(literals.map { Value(.number(Number(literal: $0))) })
    #expect(
      value.json() == """
        [
          0,
          -1,
          42,
          1.10,
          1e3,
          -2.5E-3,
          "012",
          ".5",
          "1.",
          "+1",
          "0x1F",
          "1_000",
          ".inf"
        ]

        """)
  }

  @Test(arguments: [
    ("0", true), ("-0", true), ("10", true), ("1.5", true), ("1e+3", true), ("-0.0e-0", true),
    ("", false), ("-", false), ("01", false), ("1.", false), (".5", false), ("+1", false),
    ("1e", false),
    ("0x1", false), ("1_0", false), ("NaN", false), ("1.5.", false),
  ])
  func jsonNumberGrammar(_ literal: String, _ valid: Bool) {
    #expect(JSONWriter.isJSONNumber(literal) == valid)
  }

  /// Every intrinsic in its long form, reading back to the same value.
  @Test func everyIntrinsicReadsBack() throws {
    let functions: [Intrinsic] = [
      .ref("R"), .getAtt(resource: "A", attribute: "B.C"), .sub(Sub("${A}")),
      .sub(Sub("${A}", variables: ["A": "x"])), .join(delimiter: ",", values: ["a", "b"]),
      .select(index: 1, list: ["a", "b"]), .split(delimiter: ",", source: "a,b"),
      .if(condition: "C", then: "a", else: .ref("AWS::NoValue")), .equals("a", "b"),
      .and([.intrinsic(.condition("A")), .intrinsic(.condition("B"))]),
      .or([.intrinsic(.condition("A")), .intrinsic(.equals("a", "b"))]),
      .not(.intrinsic(.condition("A"))),
      .findInMap(map: "M", topKey: "a", secondKey: "b", defaultValue: "d"), .importValue("export"),
      .getAZs(""), .base64("text"), .cidr(ipBlock: "10.0.0.0/16", count: 4, cidrBits: 8),
      .transform(name: "AWS::Include", parameters: ["Location": "s3://b/k"]),
      .toJsonString(["k": "v"]),
      .length(["a"]),
    ]
    let value = Value.list(functions.map { .intrinsic($0) })
    let fromJSON = try Value.parse(Array(value.json().utf8), file: "i.json", format: .json)
    let fromYAML = try Value.parse(Array(value.yaml().utf8), file: "i.yaml", format: .yaml)
    #expect(fromJSON == value)
    #expect(fromYAML == value)
  }
}
