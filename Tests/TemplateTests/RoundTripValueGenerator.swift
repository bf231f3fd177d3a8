@testable import Template

/// A seeded generator of random `Value` trees for round-trip property tests.
///
/// Strings are drawn from a nasty alphabet (quotes, colons, `#`, newlines, tabs, carriage
/// returns, Unicode line breaks, astral characters, leading spaces, `${...}`, YAML keywords and
/// number-like pieces); values nest lists, mappings and every intrinsic function. Only shapes
/// the reader accepts are generated (`Fn::If` has three items, `Condition` appears inside
/// `Fn::And`/`Fn::Or`/`Fn::Not`, mapping keys never name a function), so any difference after a
/// round trip is a writer or reader bug. The same seed always gives the same values.
struct RoundTripValueGenerator {
  /// SplitMix64: tiny, fast, and identical on every platform.
  private var state: UInt64

  /// When false, numbers are limited to literals valid in JSON too, so YAML and JSON outputs
  /// read back equal; when true, YAML-only literals (`012`, `.5`, `0x1F`, `1_000`) appear as well.
  var yamlOnlyNumbers: Bool

  init(seed: UInt64, yamlOnlyNumbers: Bool = false) {
    self.state = seed
    self.yamlOnlyNumbers = yamlOnlyNumbers
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

  static let alphabet: [String] = [
    "a", "b", "Z", "0", "1", "9", " ", " ", "\t", "\n", "\n", "\r", ":", ": ", "#", " #", "'", "\"",
    "\\", "-", "- ", "?", "!", "&", "*", "|", ">", "%", "@", "`", "{", "}", "[", "]", ",", ".",
    "${",
    "${AWS::Region}", "${!Literal}", "${Res.Arn}", "é", "日", "😀", "\u{85}", "\u{2028}", "\u{FEFF}",
    "\u{7}", "~", "=", "<<", "yes", "No", "null", "0x", "e", "_", "+", "---", "...",
  ]

  static let wholeStrings: [String] = [
    "", "yes", "No", "ON", "off", "y", "N", "true", "False", "null", "~", "012", "0x1F", "0o17",
    "0b101", "1_000", "+1", "-1", "1e3", ".5", "1.", ".inf", "-.Inf", ".nan", "12:30:00",
    "190:20:30", "2010-09-09", "2001-12-14t21:59:43.10-05:00", " lead", "trail ", "<<", "=",
    "a\nb", "a\nb\n", "a\nb\n\n", "\n", "  indented\nnext", "- item", "key: value", "x #y",
  ]

  mutating func string() -> String {
    if below(6) == 0 { return pick(Self.wholeStrings) }
    return (0..<below(9)).map { _ in pick(Self.alphabet) }.joined()
  }

  /// Logical ids: what `!Ref`, `!GetAtt` and conditions name.
  mutating func name() -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<(1 + below(8))).map { _ in pick(letters) })
  }

  mutating func number() -> Number {
    let json = [
      "0", "1", "-1", "42", "3.14", "-0.5", "1e3", "2.5E-3", "100000000000000000000", "1.10",
    ]
    let yamlOnly = ["012", ".5", "1.", "+1", "0x1F", "0o17", "1_000", ".inf", "-.Inf"]
    return Number(literal: yamlOnlyNumbers && below(3) == 0 ? pick(yamlOnly) : pick(json))
  }

  mutating func scalar() -> Value {
    switch below(8) {
    case 0: return Value(.number(number()))
    case 1: return Value(.bool(below(2) == 0))
    case 2: return Value(.null)
    default: return Value(.string(string()))
    }
  }

  /// A value of at most `depth` more levels.
  mutating func value(depth: Int = 4) -> Value {
    guard depth > 0 else { return scalar() }
    switch below(12) {
    case 0, 1, 2, 3: return scalar()
    case 4, 5: return Value(.list((0..<below(5)).map { _ in value(depth: depth - 1) }))
    case 6, 7: return Value(.map(map(depth: depth - 1)))
    default: return Value(.intrinsic(intrinsic(depth: depth - 1)))
    }
  }

  /// Keys start with `K`, so no mapping is mistaken for a long-form function.
  mutating func map(depth: Int) -> OrderedMap<Value> {
    var map = OrderedMap<Value>()
    for _ in 0..<below(5) { map["K" + string()] = value(depth: depth) }
    return map
  }

  mutating func condition(depth: Int) -> Value {
    switch below(4) {
    case 0: return .intrinsic(.condition(name()))
    case 1: return .intrinsic(.equals(value(depth: depth), value(depth: depth)))
    case 2: return .intrinsic(.not(condition(depth: max(depth - 1, 0))))
    default:
      guard depth > 0 else { return .intrinsic(.condition(name())) }
      let operands = (0..<(2 + below(3))).map { _ in condition(depth: depth - 1) }
      return .intrinsic(below(2) == 0 ? .and(operands) : .or(operands))
    }
  }

  mutating func intrinsic(depth: Int) -> Intrinsic {
    switch below(20) {
    case 0: return .ref(below(3) == 0 ? string() : name())
    case 1:
      return .getAtt(resource: name(), attribute: below(3) == 0 ? name() + "." + name() : name())
    case 2: return .sub(Sub(string()))
    case 3: return .sub(Sub(string(), variables: map(depth: depth)))
    case 4:
      let values =
        below(4) == 0
        ? Value(.intrinsic(.split(delimiter: ",", source: .ref(name())))) : list(depth)
      return .join(delimiter: string(), values: values)
    case 5: return .select(index: Value(.number(Number(below(3)))), list: list(depth))
    case 6: return .split(delimiter: string(), source: value(depth: depth))
    case 7: return .if(condition: name(), then: value(depth: depth), else: value(depth: depth))
    case 8:
      return .findInMap(
        map: Value(.string(name())), topKey: value(depth: depth), secondKey: value(depth: depth),
        defaultValue: below(2) == 0 ? value(depth: depth) : nil)
    case 9: return .importValue(scalarOrFunction(depth))
    case 10: return .getAZs(below(2) == 0 ? "" : scalarOrFunction(depth))
    case 11: return .base64(scalarOrFunction(depth))
    case 12:
      return .cidr(
        ipBlock: scalarOrFunction(depth), count: Value(.number(Number(6))),
        cidrBits: scalarOrFunction(depth))
    case 13:
      return .transform(
        name: Value(.string("AWS::Include")),
        parameters: below(2) == 0 ? Value(.map(map(depth: depth))) : nil)
    case 14: return .toJsonString(below(2) == 0 ? Value(.map(map(depth: depth))) : list(depth))
    case 15: return .length(list(depth))
    case 16: return .equals(value(depth: depth), value(depth: depth))
    case 17:
      // `Condition` itself only inside the condition functions, where JSON's
      // `{"Condition": X}` reads back as one.
      let operands = (0..<(2 + below(3))).map { _ in condition(depth: depth) }
      return pick([.and(operands), .or(operands), .not(operands[0])])
    default: return .ref(name())
    }
  }

  private mutating func list(_ depth: Int) -> Value {
    Value(.list((0..<below(5)).map { _ in value(depth: depth) }))
  }

  /// A scalar or a function: what `Fn::Base64`, `Fn::ImportValue` and `Fn::GetAZs` take.
  private mutating func scalarOrFunction(_ depth: Int) -> Value {
    depth > 0 && below(2) == 0 ? Value(.intrinsic(intrinsic(depth: depth - 1))) : scalar()
  }
}
