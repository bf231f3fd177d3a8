/// A node of a CloudFormation template: a scalar, a list, a mapping or an intrinsic function.
///
/// Intrinsic functions are first-class cases, never strings or one-key mappings, so the
/// checker and the differ ask `if case .intrinsic(.getAtt(let target)) = value.kind`
/// instead of parsing. A value read from a file keeps its location; equality and hashing
/// ignore locations, so a template read back after writing equals the original.
///
/// A value is 32 bytes held inline: the kind's payload (a string, an array, a mapping's
/// storage, or the box of an intrinsic function) and a 12-byte location. Templates have
/// hundreds of thousands of values, so no value has a box of its own and the location is not
/// optional (see `storedLocation`).
public struct Value: Sendable, Hashable {
  /// Not `indirect`: lists and mappings already hold their values in arrays, and
  /// `Intrinsic` boxes its own cases, so no case needs a box of its own.
  public enum Kind: Sendable, Hashable {
    case string(String)
    case number(Number)
    case bool(Bool)
    case null
    case list([Value])
    case map(OrderedMap<Value>)
    case intrinsic(Intrinsic)
  }

  public var kind: Kind
  /// The location, with file number 0 for "none": an optional location would need a
  /// 13th byte and make every value 40 bytes instead of 32.
  private var storedLocation: SourceLocation

  public var location: SourceLocation? {
    get { storedLocation.fileID == 0 ? nil : storedLocation }
    set { storedLocation = newValue ?? .nowhere }
  }

  public init(_ kind: Kind, at location: SourceLocation? = nil) {
    self.kind = kind
    self.storedLocation = location ?? .nowhere
  }

  public static func == (lhs: Value, rhs: Value) -> Bool { lhs.kind == rhs.kind }
  public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}

/// A number as it was written: `5`, `5.0`, `-1e3`.
///
/// The spelling is kept because CloudFormation and the services behind it treat the
/// literal, not a float: a `Version: 2012-10-17`-style mistake or a port written `0080`
/// must round-trip unchanged, and `1.10` is not `1.1` in a version string.
public struct Number: Sendable, Hashable, CustomStringConvertible {
  /// The literal, exactly as read or as given.
  public var literal: String

  public init(literal: String) { self.literal = literal }
  public init(_ integer: Int) { self.literal = String(integer) }
  public init(_ double: Double) { self.literal = String(double) }

  /// True when the literal has no fraction or exponent.
  public var isInteger: Bool { Int(literal) != nil }
  public var intValue: Int? { Int(literal) }
  public var doubleValue: Double? { Double(literal) }
  public var description: String { literal }
}

// MARK: - Building values in code

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self.init(.string(value)) }
  public init(integerLiteral value: Int) { self.init(.number(Number(value))) }
  public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
  public init(arrayLiteral elements: Value...) { self.init(.list(elements)) }
  public init(nilLiteral: ()) { self.init(.null) }
  public init(dictionaryLiteral elements: (String, Value)...) {
    var map = OrderedMap<Value>()
    for (key, value) in elements { map[key] = value }
    self.init(.map(map))
  }

  public static func string(_ value: String) -> Value { Value(.string(value)) }
  public static func number(_ value: Int) -> Value { Value(.number(Number(value))) }
  public static func bool(_ value: Bool) -> Value { Value(.bool(value)) }
  public static func list(_ values: [Value]) -> Value { Value(.list(values)) }
  public static func map(_ map: OrderedMap<Value>) -> Value { Value(.map(map)) }
  public static func intrinsic(_ function: Intrinsic) -> Value { Value(.intrinsic(function)) }

  /// `{ "Ref": name }`.
  public static func ref(_ name: String) -> Value { .intrinsic(.ref(name)) }
  /// `{ "Fn::GetAtt": [resource, attribute] }`.
  public static func getAtt(_ resource: String, _ attribute: String) -> Value {
    .intrinsic(.getAtt(resource: resource, attribute: attribute))
  }
  /// `{ "Fn::Sub": template }`, with the `${}` references parsed.
  public static func sub(_ template: String, _ variables: OrderedMap<Value>? = nil) -> Value {
    .intrinsic(.sub(Sub(template, variables: variables)))
  }
}

// MARK: - Reading values

extension Value {
  public var stringValue: String? {
    if case .string(let string) = kind { return string }
    return nil
  }

  public var boolValue: Bool? {
    switch kind {
    case .bool(let bool): return bool
    case .string("true"), .string("True"), .string("TRUE"): return true
    case .string("false"), .string("False"), .string("FALSE"): return false
    default: return nil
    }
  }

  public var numberValue: Number? {
    if case .number(let number) = kind { return number }
    return nil
  }

  public var listValue: [Value]? {
    if case .list(let list) = kind { return list }
    return nil
  }

  public var mapValue: OrderedMap<Value>? {
    if case .map(let map) = kind { return map }
    return nil
  }

  public var intrinsicValue: Intrinsic? {
    if case .intrinsic(let function) = kind { return function }
    return nil
  }

  public var isNull: Bool {
    if case .null = kind { return true }
    return false
  }

  /// The value under `key` when this is a mapping.
  public subscript(key: String) -> Value? {
    mapValue?[key]
  }

  /// A short name for the kind, for error messages: "a string", "a list", "Fn::If".
  public var kindDescription: String {
    switch kind {
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "a boolean"
    case .null: return "null"
    case .list: return "a list"
    case .map: return "a mapping"
    case .intrinsic(let function): return function.name
    }
  }

  /// Visits this value and every value below it, depth first, in document order.
  /// Iterative, so a deeply nested value cannot overflow the stack.
  public func forEachDescendant(_ body: (Value) throws -> Void) rethrows {
    var stack: [Value] = [self]
    while let value = stack.popLast() {
      try body(value)
      stack.append(contentsOf: value.children.reversed())
    }
  }

  /// The values directly below this one, in document order.
  public var children: [Value] {
    switch kind {
    case .string, .number, .bool, .null: return []
    case .list(let list): return list
    case .map(let map): return map.values
    case .intrinsic(let function): return function.arguments
    }
  }
}
