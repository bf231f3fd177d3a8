import Template

/// A stack parameter: a value chosen at deploy time.
///
/// Declared once and used by reference (`environment.ref`). An application-wide parameter
/// (`Application.sharedParameters`) is added to every stack that uses it, and only to those.
public struct StackParameter: Sendable, ValueConvertible {
  /// CloudFormation parameter types; an open set, since AWS-specific types keep growing.
  public struct Kind: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let string = Kind(rawValue: "String")
    public static let number = Kind(rawValue: "Number")
    public static let commaDelimitedList = Kind(rawValue: "CommaDelimitedList")
    public static let availabilityZones = Kind(rawValue: "List<AWS::EC2::AvailabilityZone::Name>")
    public static let ssmString = Kind(rawValue: "AWS::SSM::Parameter::Value<String>")
  }

  public var name: String
  public var kind: Kind
  public var description: String
  public var defaultValue: Value?
  public var allowedValues: [String]
  public var allowedPattern: String?
  public var constraintDescription: String?
  public var minValue: Int?
  public var maxValue: Int?
  public var noEcho: Bool
  public var origin: SourceLocation

  public init(
    _ name: String, _ kind: Kind = .string, description: String,
    default defaultValue: (any ValueConvertible)? = nil,
    allowedValues: [String] = [], allowedPattern: String? = nil,
    constraintDescription: String? = nil,
    minValue: Int? = nil, maxValue: Int? = nil, noEcho: Bool = false,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.name = name
    self.kind = kind
    self.description = description
    self.defaultValue = defaultValue?.value
    self.allowedValues = allowedValues
    self.allowedPattern = allowedPattern
    self.constraintDescription = constraintDescription
    self.minValue = minValue
    self.maxValue = maxValue
    self.noEcho = noEcho
    self.origin = .blueprint(file, line)
  }

  /// `Ref` of the parameter.
  public var value: Value { .ref(name) }

  var lowered: Parameter {
    var attributes = OrderedMap<Value>()
    attributes["Description"] = .string(description)
    attributes["Default"] = defaultValue
    if !allowedValues.isEmpty {
      attributes["AllowedValues"] = .list(allowedValues.map { .string($0) })
    }
    attributes["AllowedPattern"] = allowedPattern.map { .string($0) }
    attributes["ConstraintDescription"] = constraintDescription.map { .string($0) }
    attributes["MinValue"] = minValue.map { .number($0) }
    attributes["MaxValue"] = maxValue.map { .number($0) }
    if noEcho { attributes["NoEcho"] = .bool(true) }
    return Parameter(type: kind.rawValue, attributes: attributes)
  }
}

/// A named condition, usable in `when(condition, a, else: b)` and on resources.
public struct Condition: Sendable {
  public var name: String
  public var expression: ConditionExpression
  public var origin: SourceLocation

  public init(
    _ name: String, _ expression: ConditionExpression, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.name = name
    self.expression = expression
    self.origin = .blueprint(file, line)
  }
}

/// The body of a condition: typed `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`.
public indirect enum ConditionExpression: Sendable {
  case equals(any ValueConvertible, any ValueConvertible)
  case and([ConditionExpression])
  case or([ConditionExpression])
  case not(ConditionExpression)
  case condition(Condition)

  public var value: Value {
    switch self {
    case .equals(let lhs, let rhs): return .intrinsic(.equals(lhs.value, rhs.value))
    case .and(let terms): return .intrinsic(.and(terms.map(\.value)))
    case .or(let terms): return .intrinsic(.or(terms.map(\.value)))
    case .not(let term): return .intrinsic(.not(term.value))
    case .condition(let condition): return .intrinsic(.condition(condition.name))
    }
  }
}

/// A stack output; `exported` outputs can be imported by stacks outside these blueprints.
/// (References between blueprint stacks need no output: the linker adds those.)
public struct StackOutput: Sendable {
  public var name: String
  public var value: Value
  public var description: String
  public var exportName: Value?
  public var origin: SourceLocation

  public init(
    _ name: String, _ value: some ValueConvertible, description: String,
    exportName: (any ValueConvertible)? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.name = name
    self.value = value.value
    self.description = description
    self.exportName = exportName?.value
    self.origin = .blueprint(file, line)
  }
}

/// A resource tag. Tags are written in the order given, application tags first.
///
/// The value may be a parameter (`Tag("Environment", environment)`), so one tag list serves
/// every deployment of an application.
public struct Tag: Sendable, Hashable {
  public var key: String
  public var value: Value

  public init(_ key: String, _ value: some ValueConvertible) {
    self.key = key
    self.value = value.value
  }
}

extension Array where Element == Tag {
  /// `[{Key: k, Value: v}, ...]`, the shape most resource types take.
  public var keyValueList: Value {
    .list(map { ["Key": .string($0.key), "Value": $0.value] })
  }

  /// `{k: v, ...}`, the shape some types take (Batch, DataSync's are lists, SSM's maps).
  public var map: Value {
    var map = OrderedMap<Value>()
    for tag in self { map[tag.key] = tag.value }
    return .map(map)
  }
}
