import Testing

@testable import Template

/// The quoting table: every string a YAML 1.1 or 1.2 reader would take for something else is
/// quoted, every other string stays plain, and each reads back as the same string.
@Suite struct WritingQuotingTests {
  /// A string and how the writer spells it after `k: `.
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var written: String
    init(_ text: String, _ written: String) {
      self.text = text
      self.written = written
    }
    var testDescription: String { "\(text.debugDescription) → \(written)" }
  }

  /// Booleans (YAML 1.1 in any case, `y`/`n` included), null, and the empty string.
  static let keywords: [Case] = [
    Case("yes", "'yes'"), Case("Yes", "'Yes'"), Case("YES", "'YES'"), Case("yEs", "'yEs'"),
    Case("no", "'no'"), Case("No", "'No'"), Case("NO", "'NO'"),
    Case("on", "'on'"), Case("On", "'On'"), Case("ON", "'ON'"),
    Case("off", "'off'"), Case("Off", "'Off'"), Case("OFF", "'OFF'"),
    Case("y", "'y'"), Case("Y", "'Y'"), Case("n", "'n'"), Case("N", "'N'"),
    Case("true", "'true'"), Case("True", "'True'"), Case("TRUE", "'TRUE'"),
    Case("false", "'false'"), Case("False", "'False'"), Case("FALSE", "'FALSE'"),
    Case("null", "'null'"), Case("Null", "'Null'"), Case("NULL", "'NULL'"), Case("~", "'~'"),
    Case("", "''"), Case("<<", "'<<'"), Case("=", "'='"),
  ]

  /// Integers and floats in every YAML 1.1 and 1.2 spelling, sexagesimal numbers, dates and timestamps.
  static let numbersAndDates: [Case] = [
    Case("0", "'0'"), Case("42", "'42'"), Case("012", "'012'"), Case("0080", "'0080'"),
    Case("0x1F", "'0x1F'"), Case("0X1f", "'0X1f'"), Case("0o17", "'0o17'"),
    Case("0b101", "'0b101'"),
    Case("1_000", "'1_000'"), Case("+1", "'+1'"), Case("-1", "'-1'"),
    Case("1e3", "'1e3'"), Case("1E3", "'1E3'"), Case("-1.5e-3", "'-1.5e-3'"), Case("1.5", "'1.5'"),
    Case(".5", "'.5'"), Case("1.", "'1.'"), Case("+.5", "'+.5'"), Case("1.10", "'1.10'"),
    Case(".inf", "'.inf'"), Case(".Inf", "'.Inf'"), Case("-.Inf", "'-.Inf'"),
    Case("+.INF", "'+.INF'"),
    Case(".nan", "'.nan'"), Case(".NaN", "'.NaN'"),
    Case("12:30:00", "'12:30:00'"), Case("190:20:30", "'190:20:30'"), Case("12:30", "'12:30'"),
    Case("2010-09-09", "'2010-09-09'"), Case("2002-1-2", "'2002-1-2'"),
    Case("2001-12-14t21:59:43.10-05:00", "'2001-12-14t21:59:43.10-05:00'"),
    Case("2001-12-14 21:59:43.10 -5", "'2001-12-14 21:59:43.10 -5'"),
  ]

  /// Text whose first character is an indicator, or that holds `: ` / ` #`, or has blanks at an end.
  static let syntax: [Case] = [
    Case(" lead", "' lead'"), Case("trail ", "'trail '"), Case(" ", "' '"),
    Case("@at", "'@at'"), Case("`tick", "'`tick'"), Case("*star", "'*star'"),
    Case("&amp", "'&amp'"),
    Case("!bang", "'!bang'"), Case("!Ref X", "'!Ref X'"), Case("%pct", "'%pct'"),
    Case("|pipe", "'|pipe'"), Case(">gt", "'>gt'"), Case("'sq", "'''sq'"), Case("\"dq", "'\"dq'"),
    Case("#hash", "'#hash'"), Case("{a}", "'{a}'"), Case("}", "'}'"), Case("[a]", "'[a]'"),
    Case("]", "']'"), Case(",comma", "',comma'"), Case("?q", "'?q'"), Case("? q", "'? q'"),
    Case(":colon", "':colon'"), Case(": colon", "': colon'"), Case("- dash", "'- dash'"),
    Case("-", "'-'"), Case("a: b", "'a: b'"), Case("a:", "'a:'"), Case("a #b", "'a #b'"),
    Case("---", "'---'"), Case("...", "'...'"), Case("--- x", "'--- x'"),
    Case("it's: x", "'it''s: x'"),
  ]

  /// Text no YAML reader misreads: plain, as the author would write it.
  static let plain: [Case] = [
    Case("dev", "dev"), Case("AWS::Region", "AWS::Region"),
    Case("arn:aws:s3:::b/*", "arn:aws:s3:::b/*"),
    Case("a#b", "a#b"), Case("a:b", "a:b"), Case("-dash", "-dash"),
    Case("10.0.0.0/16", "10.0.0.0/16"),
    Case("1.2.3", "1.2.3"), Case("${AWS::StackName}-x", "${AWS::StackName}-x"),
    Case("Fn::GetAtt", "Fn::GetAtt"),
    Case("yes please", "yes please"), Case("nullable", "nullable"), Case("0x", "0x"),
    Case("1e", "1e"),
    Case("_1", "_1"), Case(".", "."), Case("a'b", "a'b"), Case("a\"b", "a\"b"),
    Case("ünïcödé", "ünïcödé"),
    Case("日本語", "日本語"), Case("v1.0", "v1.0"), Case("1a", "1a"), Case("2010-09", "2010-09"),
    Case("t2.micro", "t2.micro"), Case("0.0.0.0/0", "0.0.0.0/0"), Case("a b  c", "a b  c"),
  ]

  /// Text only double quotes hold exactly: tabs and control characters, carriage returns,
  /// Unicode line breaks, several final newlines. libyaml also escapes characters outside the
  /// Basic Multilingual Plane.
  static let doubleQuoted: [Case] = [
    Case("a\tb", #""a\tb""#), Case("\t", #""\t""#), Case("a\rb", #""a\rb""#),
    Case("a\r\nb", #""a\r\nb""#),
    Case("nel\u{85}x", #""nel\Nx""#), Case("ls\u{2028}x", #""ls\Lx""#),
    Case("ps\u{2029}x", #""ps\Px""#),
    Case("bell\u{7}", #""bell\a""#), Case("nul\u{0}x", #""nul\0x""#),
    Case("\u{FEFF}bom", #""\uFEFFbom""#),
    Case("line\n\n", #""line\n\n""#), Case("\n", #""\n""#), Case("\n\n", #""\n\n""#),
    Case("trailing space \nx", #""trailing space \nx""#), Case("emoji 😀", #""emoji \U0001F600""#),
  ]

  /// Multi-line text as literal blocks, with the chomping and indentation indicators it needs.
  static let literal: [Case] = [
    Case("a\nb", "|-\n  a\n  b"), Case("a\nb\n", "|\n  a\n  b"), Case("  x\ny", "|2-\n    x\n  y"),
    Case("#!/bin/bash\necho 'yes: no'\n", "|\n  #!/bin/bash\n  echo 'yes: no'"),
    Case("x\n\ny", "|-\n  x\n\n  y"), Case("\nlead", "|2-\n\n  lead"),
  ]

  static let all = keywords + numbersAndDates + syntax + plain + doubleQuoted + literal

  @Test(arguments: all) func writtenAsExpected(_ sample: Case) {
    let yaml = Value.map(["k": .string(sample.text)]).yaml()
    #expect(yaml == "k: \(sample.written)\n")
  }

  @Test(arguments: all) func readsBackAsTheSameString(_ sample: Case) throws {
    let yaml = Value.map(["k": .string(sample.text)]).yaml()
    let read = try Value.parse(Array(yaml.utf8), file: "q.yaml", format: .yaml)
    #expect(read["k"] == .string(sample.text))
  }

  /// Keys follow the same rules; a multi-line key is double-quoted (as an explicit `?` key).
  @Test func keys() throws {
    let keys = ["yes", "012", "a: b", "2010-09-09", "", "plain", "line\nbreak"]
    let value = Value.map(OrderedMap(keys.map { .init(key: $0, value: "v") }))
    let yaml = value.yaml()
    #expect(
      yaml == """
        'yes': v
        '012': v
        'a: b': v
        '2010-09-09': v
        '': v
        plain: v
        ? "line\\nbreak"
        : v

        """)
    let read = try Value.parse(Array(yaml.utf8), file: "k.yaml", format: .yaml)
    #expect(read.mapValue?.keys == keys)
  }

  /// Arguments of short-form functions are quoted by the same rules.
  @Test func taggedScalars() {
    let value = Value.map([
      "a": .ref("yes"), "b": .intrinsic(.getAZs("")), "c": .sub("2010-09-09"),
      "d": .ref("AWS::Region"),
    ])
    #expect(
      value.yaml() == """
        a: !Ref 'yes'
        b: !GetAZs ''
        c: !Sub '2010-09-09'
        d: !Ref AWS::Region

        """)
  }

  /// Numbers, booleans and null are written plain, numbers as their literal.
  @Test func nonStrings() throws {
    let value = Value.map([
      "int": 42, "zero": .init(.number(Number(literal: "0080"))),
      "float": .init(.number(Number(literal: "1.10"))),
      "exp": .init(.number(Number(literal: "1e3"))), "true": true, "false": false, "null": nil,
    ])
    let yaml = value.yaml()
    #expect(
      yaml == """
        int: 42
        zero: 0080
        float: 1.10
        exp: 1e3
        'true': true
        'false': false
        'null': null

        """)
    #expect(try Value.parse(Array(yaml.utf8), file: "n.yaml", format: .yaml) == value)
  }
}
