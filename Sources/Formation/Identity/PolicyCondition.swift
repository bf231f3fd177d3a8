import Template

/// One IAM condition: an operator, a context key and the values it compares with.
///
/// `.bool("aws:SecureTransport", false)`, `.stringEquals("iam:PassedToService", "batch.amazonaws.com")`.
public struct PolicyCondition: Sendable {
  public var `operator`: String
  public var key: String
  public var values: [Value]

  public init(_ operator: String, _ key: String, _ values: [any ValueConvertible]) {
    self.operator = `operator`
    self.key = key
    self.values = values.map(\.value)
  }

  public static func bool(_ key: String, _ value: Bool) -> PolicyCondition {
    PolicyCondition("Bool", key, [value ? "true" : "false"])
  }
  public static func stringEquals(_ key: String, _ values: any ValueConvertible...)
    -> PolicyCondition
  {
    PolicyCondition("StringEquals", key, values)
  }
  public static func stringLike(_ key: String, _ values: any ValueConvertible...) -> PolicyCondition
  {
    PolicyCondition("StringLike", key, values)
  }
  public static func arnLike(_ key: String, _ values: any ValueConvertible...) -> PolicyCondition {
    PolicyCondition("ArnLike", key, values)
  }
  public static func arnEquals(_ key: String, _ values: any ValueConvertible...) -> PolicyCondition
  {
    PolicyCondition("ArnEquals", key, values)
  }
  public static func numericLessThan(_ key: String, _ value: String) -> PolicyCondition {
    PolicyCondition("NumericLessThan", key, [value])
  }
  public static func stringNotEquals(_ key: String, _ values: any ValueConvertible...)
    -> PolicyCondition
  {
    PolicyCondition("StringNotEquals", key, values)
  }
}

extension Array where Element == PolicyCondition {
  /// `Condition: {Operator: {key: value-or-list}}`, operators and keys in the order given.
  var value: Value? {
    guard !isEmpty else { return nil }
    var operators = OrderedMap<Value>()
    for condition in self {
      var keys = operators[condition.operator]?.mapValue ?? [:]
      keys[condition.key] =
        condition.values.count == 1 ? condition.values[0] : .list(condition.values)
      operators[condition.operator] = .map(keys)
    }
    return .map(operators)
  }
}
