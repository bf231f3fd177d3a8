import Template

/// One IAM condition: an operator, a context key and the values it compares with.
///
/// `.bool("aws:SecureTransport", false)`, `.stringEquals("iam:PassedToService", "batch.amazonaws.com")`.
public struct PolicyCondition: Sendable {
  public var `operator`: String
  public var key: String
  public var values: [Value]
  /// Values read when the statement lowers (`Later { ... }.arn`), after `values`.
  public var references: [RenderReference] = []

  public init(_ operator: String, _ key: String, _ values: [any ValueConvertible]) {
    self.operator = `operator`
    self.key = key
    self.values = values.map(\.value)
  }

  public init(_ operator: String, _ key: String, _ references: [RenderReference]) {
    self.operator = `operator`
    self.key = key
    self.values = []
    self.references = references
  }

  /// `ArnNotEquals` on a declaration read when the stack renders: the one principal (or
  /// source) a deny statement exempts.
  public static func arnNotEquals(_ key: String, _ references: RenderReference...)
    -> PolicyCondition
  {
    PolicyCondition("ArnNotEquals", key, references)
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
  func value(in context: LoweringContext) -> Value? {
    guard !isEmpty else { return nil }
    var operators = OrderedMap<Value>()
    for condition in self {
      var keys = operators[condition.operator]?.mapValue ?? [:]
      let values = condition.values + condition.references.map { $0.resolve(context) }
      keys[condition.key] = values.count == 1 ? values[0] : .list(values)
      operators[condition.operator] = .map(keys)
    }
    return .map(operators)
  }
}
