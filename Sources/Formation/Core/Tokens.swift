import Template

/// Anything that becomes a CloudFormation value: literals, tokens, DSL values.
public protocol ValueConvertible: Sendable {
  var value: Value { get }
}

extension Value: ValueConvertible {
  public var value: Value { self }
}

extension String: ValueConvertible {
  public var value: Value { .string(self) }
}

extension Int: ValueConvertible {
  public var value: Value { .number(self) }
}

extension Bool: ValueConvertible {
  public var value: Value { .bool(self) }
}

extension Array: ValueConvertible where Element: ValueConvertible {
  public var value: Value { .list(map(\.value)) }
}

/// The ARN of a `Target`: `bucket.arn`, `key.arn`, `role.arn`.
///
/// The phantom type makes a wrong reference a compile error: a bucket's encryption takes an
/// `ARN<KMSKey>`, a job definition's role an `ARN<Role>`. Built from a resource it lowers to
/// `Fn::GetAtt` or `Ref`; across stacks the linker turns it into an export and an import.
public struct ARN<Target>: ValueConvertible {
  public let value: Value
  public init(_ value: Value) { self.value = value }

  /// An ARN from outside the blueprints: a literal, a parameter, an import.
  public static func external(_ value: some ValueConvertible) -> ARN { ARN(value.value) }
}

/// The physical name of a `Target` (`Ref` of a bucket, table, role or log group).
public struct Name<Target>: ValueConvertible {
  public let value: Value
  public init(_ value: Value) { self.value = value }
  public static func external(_ value: some ValueConvertible) -> Name { Name(value.value) }
}

/// The physical id of a `Target` (`Ref` of a VPC, subnet, security group, key); not `ID`, a name
/// too common to take from a user's own code.
public struct PhysicalID<Target>: ValueConvertible {
  public let value: Value
  public init(_ value: Value) { self.value = value }
  public static func external(_ value: some ValueConvertible) -> PhysicalID { PhysicalID(value.value) }
}

/// The address (URL) of a `Target` (`Ref` of an SQS queue); not `URL`, which Foundation owns.
public struct WebAddress<Target>: ValueConvertible {
  public let value: Value
  public init(_ value: Value) { self.value = value }
}

/// Pseudo parameters, typed.
public enum AWS {
  public static let region = Value.ref("AWS::Region")
  public static let accountID = Value.ref("AWS::AccountId")
  public static let partition = Value.ref("AWS::Partition")
  public static let stackName = Value.ref("AWS::StackName")
  public static let urlSuffix = Value.ref("AWS::URLSuffix")
  /// `!Ref AWS::NoValue`: the property is left out.
  public static let noValue = Value.ref("AWS::NoValue")

  /// `arn:${AWS::Partition}:iam::${AWS::AccountId}:root`: the account itself as a principal.
  public static let accountRoot = ARN.accountRoot.value
}

/// `Fn::Sub` with the `${}` references parsed.
public func sub(_ template: String, _ variables: KeyValuePairs<String, any ValueConvertible> = [:])
  -> Value
{
  if variables.isEmpty { return .sub(template) }
  var map = OrderedMap<Value>()
  for (name, value) in variables { map[name] = value.value }
  return .sub(template, map)
}

/// `Fn::Join`.
public func join(_ delimiter: String, _ values: [any ValueConvertible]) -> Value {
  .intrinsic(.join(delimiter: delimiter, values: .list(values.map(\.value))))
}

/// `Fn::If` on a named condition.
public func when(
  _ condition: Condition, _ then: some ValueConvertible, else otherwise: some ValueConvertible
) -> Value {
  .intrinsic(.if(condition: condition.name, then: then.value, else: otherwise.value))
}
