/// The shapes an intrinsic function takes in a file: the long form `{ "Fn::Name": argument }`
/// that JSON needs, and YAML's short form `!Name argument`.
///
/// Both writers ask this one place, so YAML and JSON output always carry the same arguments.
extension Intrinsic {
  /// The argument of the long form, as CloudFormation documents it.
  var longFormArgument: Value {
    switch self {
    case .ref(let name), .condition(let name):
      return .string(name)
    case .getAtt(let resource, let attribute):
      return .list([.string(resource), .string(attribute)])
    case .sub(let sub):
      guard let variables = sub.variables else { return .string(sub.template) }
      return .list([.string(sub.template), .map(variables)])
    case .join(let delimiter, let values):
      return .list([.string(delimiter), values])
    case .select(let index, let list):
      return .list([index, list])
    case .split(let delimiter, let source):
      return .list([.string(delimiter), source])
    case .if(let condition, let then, let otherwise):
      return .list([.string(condition), then, otherwise])
    case .equals(let lhs, let rhs):
      return .list([lhs, rhs])
    case .and(let conditions), .or(let conditions):
      return .list(conditions)
    case .not(let condition):
      return .list([condition])
    case .findInMap(let map, let topKey, let secondKey, let defaultValue):
      var arguments = [map, topKey, secondKey]
      if let defaultValue { arguments.append(.map(["DefaultValue": defaultValue])) }
      return .list(arguments)
    case .importValue(let value), .getAZs(let value), .base64(let value), .toJsonString(let value),
      .length(let value):
      return value
    case .cidr(let ipBlock, let count, let cidrBits):
      return .list([ipBlock, count, cidrBits])
    case .transform(let name, let parameters):
      return MacroCall(name: name, parameters: parameters).encoded
    case .transforms(let calls):
      return .list(calls.map(\.encoded))
    case .rule(_, let argument):
      return argument
    }
  }

  /// The YAML short form, `(tag, argument)`, or `nil` where only the long form is valid.
  ///
  /// The long form is used when CloudFormation documents no short form (`Fn::ToJsonString`,
  /// `Fn::Length`), when the whole argument is itself a function (a YAML node carries one
  /// tag, so `!Base64 !Sub x` cannot be written; it becomes `Fn::Base64: !Sub x`) or a
  /// number, boolean or null (a tagged scalar reads back as a string), and for
  /// an `Fn::GetAtt` that `!GetAtt A.B` could not say (a logical id with a dot, an empty name).
  var shortForm: (tag: String, argument: Value)? {
    switch self {
    case .toJsonString, .length:
      return nil
    case .getAtt(let resource, let attribute):
      guard !resource.isEmpty, !attribute.isEmpty, !resource.contains(".") else { return nil }
      return ("!GetAtt", .string(resource + "." + attribute))
    case .importValue(let value), .getAZs(let value), .base64(let value):
      // A tagged scalar reads back as a string, so `!Base64 3` would lose the number.
      guard case .string = value.kind else { return nil }
      return (shortTag, value)
    default:
      return (shortTag, longFormArgument)
    }
  }

  /// `!Ref`, `!Condition`, `!Sub`: the long-form name without its `Fn::` prefix.
  private var shortTag: String {
    let name = self.name
    return "!" + (name.hasPrefix("Fn::") ? name.dropFirst(4) : Substring(name))
  }
}

extension MacroCall {
  /// `{Name: ..., Parameters: ...}`, as `Fn::Transform` takes it.
  var encoded: Value {
    var map: OrderedMap<Value> = ["Name": name]
    if let parameters { map["Parameters"] = parameters }
    return .map(map)
  }
}
