/// A CloudFormation intrinsic function, each as its own case.
///
/// Short (`!GetAtt A.B`) and long (`Fn::GetAtt: [A, B]`) forms read to the same case;
/// the writer chooses the short form wherever CloudFormation accepts it. Names of
/// resources, parameters and conditions are plain strings because CloudFormation requires
/// them to be literals; everything else is a `Value`, because it may itself be a function.
///
/// `indirect`: each case lives in a box sized to its own arguments (a `Ref` is 32 bytes, an
/// `Fn::If` about 100), which is also what lets `Value.Kind` hold an intrinsic without boxing
/// every other kind of value.
public indirect enum Intrinsic: Sendable, Hashable {
  /// `Ref`: a parameter, a resource's physical id, or a pseudo parameter (`AWS::Region`).
  case ref(String)
  /// `Fn::GetAtt`: an attribute of a resource. `attribute` may contain dots (`Endpoint.Address`).
  case getAtt(resource: String, attribute: String)
  /// `Fn::Sub`, with its `${}` references parsed and its optional variable map.
  case sub(Sub)
  /// `Fn::Join`: `values` is usually a list, but may be a function that returns one.
  case join(delimiter: String, values: Value)
  /// `Fn::Select`.
  case select(index: Value, list: Value)
  /// `Fn::Split`.
  case split(delimiter: String, source: Value)
  /// `Fn::If`: the value of `then` when `condition` holds, else `else`.
  case `if`(condition: String, then: Value, else: Value)
  /// `Fn::Equals`.
  case equals(Value, Value)
  /// `Fn::And` (2 to 10 conditions).
  case and([Value])
  /// `Fn::Or` (2 to 10 conditions).
  case or([Value])
  /// `Fn::Not`.
  case not(Value)
  /// `Condition`: a named condition, inside `Fn::And`, `Fn::Or`, `Fn::Not` or a condition definition.
  case condition(String)
  /// `Fn::FindInMap`, with the optional `DefaultValue` of the language extensions.
  case findInMap(map: Value, topKey: Value, secondKey: Value, defaultValue: Value?)
  /// `Fn::ImportValue`: an export of another stack.
  case importValue(Value)
  /// `Fn::GetAZs`: the availability zones of a region (`""` for the stack's region).
  case getAZs(Value)
  /// `Fn::Base64`.
  case base64(Value)
  /// `Fn::Cidr`.
  case cidr(ipBlock: Value, count: Value, cidrBits: Value)
  /// `Fn::Transform`: a macro call.
  case transform(name: Value, parameters: Value?)
  /// `Fn::Transform` written as a list of macro calls, which CloudFormation runs in order.
  case transforms([MacroCall])
  /// A function of the `Rules` section (`Fn::ValueOf`, `Fn::Contains`, ...), with its argument
  /// as written: CloudFormation evaluates these against the parameter values of a deployment,
  /// so nothing but the deployment knows their result.
  case rule(RuleFunction, Value)
  /// `Fn::ToJsonString` (language extensions).
  case toJsonString(Value)
  /// `Fn::Length` (language extensions).
  case length(Value)

  /// The long-form name, as CloudFormation spells it: `Ref`, `Fn::GetAtt`, `Condition`, ...
  public var name: String { Self.name(of: self) }

  /// Every long-form name this model knows, so readers can tell a function from a mapping.
  public static let names: Set<String> = [
    "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If", "Fn::Equals",
    "Fn::And", "Fn::Or", "Fn::Not", "Condition", "Fn::FindInMap", "Fn::ImportValue", "Fn::GetAZs",
    "Fn::Base64", "Fn::Cidr", "Fn::Transform", "Fn::ToJsonString", "Fn::Length", "Fn::ValueOf",
    "Fn::ValueOfAll", "Fn::RefAll", "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn",
  ]

  private static func name(of function: Intrinsic) -> String {
    switch function {
    case .ref: return "Ref"
    case .getAtt: return "Fn::GetAtt"
    case .sub: return "Fn::Sub"
    case .join: return "Fn::Join"
    case .select: return "Fn::Select"
    case .split: return "Fn::Split"
    case .if: return "Fn::If"
    case .equals: return "Fn::Equals"
    case .and: return "Fn::And"
    case .or: return "Fn::Or"
    case .not: return "Fn::Not"
    case .condition: return "Condition"
    case .findInMap: return "Fn::FindInMap"
    case .importValue: return "Fn::ImportValue"
    case .getAZs: return "Fn::GetAZs"
    case .base64: return "Fn::Base64"
    case .cidr: return "Fn::Cidr"
    case .transform, .transforms: return "Fn::Transform"
    case .rule(let function, _): return function.rawValue
    case .toJsonString: return "Fn::ToJsonString"
    case .length: return "Fn::Length"
    }
  }

  /// The values the function takes as arguments, in the order they are written.
  /// Literal names (a `Ref` target, a condition name) are not values and are not listed.
  public var arguments: [Value] {
    switch self {
    case .ref, .getAtt, .condition: return []
    case .sub(let sub): return sub.variables?.values ?? []
    case .join(_, let values): return [values]
    case .select(let index, let list): return [index, list]
    case .split(_, let source): return [source]
    case .if(_, let then, let otherwise): return [then, otherwise]
    case .equals(let lhs, let rhs): return [lhs, rhs]
    case .and(let conditions), .or(let conditions): return conditions
    case .not(let condition): return [condition]
    case .findInMap(let map, let top, let second, let fallback):
      return [map, top, second] + (fallback.map { [$0] } ?? [])
    case .importValue(let value), .getAZs(let value), .base64(let value), .toJsonString(let value),
      .length(let value):
      return [value]
    case .cidr(let block, let count, let bits): return [block, count, bits]
    case .transform(let name, let parameters): return [name] + (parameters.map { [$0] } ?? [])
    case .transforms(let calls):
      return calls.flatMap { [$0.name] + ($0.parameters.map { [$0] } ?? []) }
    case .rule(_, let argument): return argument.listValue ?? [argument]
    }
  }
}

/// One macro call of an `Fn::Transform` list: the macro's `Name` and its optional `Parameters`.
public struct MacroCall: Sendable, Hashable {
  public var name: Value
  public var parameters: Value?

  public init(name: Value, parameters: Value? = nil) {
    self.name = name
    self.parameters = parameters
  }
}

/// The functions only the `Rules` section may use (besides the condition functions).
public enum RuleFunction: String, Sendable, Hashable, CaseIterable {
  /// `[Parameter, Attribute]`: an attribute of the value a parameter takes.
  case valueOf = "Fn::ValueOf"
  /// `[ParameterType, Attribute]`: an attribute of every parameter of a type.
  case valueOfAll = "Fn::ValueOfAll"
  /// A parameter type: the values of every parameter of that type.
  case refAll = "Fn::RefAll"
  /// `[List, String]`: the list holds the string.
  case contains = "Fn::Contains"
  /// `[List, String]`: every member of the list is the string.
  case eachMemberEquals = "Fn::EachMemberEquals"
  /// `[List, List]`: every member of the first list is in the second.
  case eachMemberIn = "Fn::EachMemberIn"
}

/// The parsed `Fn::Sub` template: literal text and `${Name}` / `${Resource.Attribute}` references.
///
/// `${!Literal}` is CloudFormation's escape for a literal `${Literal}`; it reads as text
/// and is written back escaped, so a round trip never turns text into a reference.
public struct Sub: Sendable, Hashable {
  public enum Part: Sendable, Hashable {
    case text(String)
    /// `${Name}` (a parameter, resource, pseudo parameter or variable) or `${Resource.Attribute}`.
    case reference(String)
  }

  public var parts: [Part]
  /// The variable map of the two-argument form, `nil` for the one-argument form.
  public var variables: OrderedMap<Value>?

  public init(parts: [Part], variables: OrderedMap<Value>? = nil) {
    self.parts = Self.normalized(parts)
    self.variables = variables
  }

  /// Parses a template string; `${` without a closing `}` stays text, as in CloudFormation.
  public init(_ template: String, variables: OrderedMap<Value>? = nil) {
    self.init(parts: Self.parse(template), variables: variables)
  }

  /// The template string as CloudFormation reads it, with literal `${` escaped as `${!`.
  public var template: String {
    var result = ""
    for part in parts {
      switch part {
      case .text(let text): result += Self.escape(text)
      case .reference(let name): result += "${\(name)}"
      }
    }
    return result
  }

  /// The names referenced with `${}`, in order, without the variables of the map.
  public var references: [String] {
    parts.compactMap { if case .reference(let name) = $0 { name } else { nil } }
  }

  static func parse(_ template: String) -> [Part] {
    var parts: [Part] = []
    var text = ""
    var rest = Substring(template)
    while let open = rest.firstOpening {
      text += rest[..<open]
      let afterOpen = rest[rest.utf8.index(open, offsetBy: 2)...]
      guard let close = afterOpen.firstIndex(of: "}") else {
        text += rest[open...]
        rest = ""
        break
      }
      let body = afterOpen[..<close]
      if body.hasPrefix("!") {
        text += "${" + body.dropFirst() + "}"
      } else {
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(.reference(body.trimmingSpaces()))
      }
      rest = afterOpen[afterOpen.index(after: close)...]
    }
    text += rest
    if !text.isEmpty { parts.append(.text(text)) }
    return parts
  }

  private static func escape(_ text: String) -> String {
    let whole = Substring(text)
    guard var open = whole.firstOpening else { return text }
    // A literal "${X}" must be written "${!X}"; a lone "${" with no closing brace stays as is.
    // Whether a `}` follows a `${` is whether it opens before the last `}` of the text: found
    // once, so a text of many `${` is escaped in one pass.
    let lastClose = text.lastIndex(of: "}")
    var result = ""
    var start = whole.startIndex
    while true {
      let after = text.utf8.index(open, offsetBy: 2)
      result += whole[start..<open]
      if let lastClose, lastClose >= after { result += "${!" } else { result += "${" }
      start = after
      guard let next = whole[after...].firstOpening else { break }
      open = next
    }
    return result + whole[start...]
  }

  private static func normalized(_ parts: [Part]) -> [Part] {
    var result: [Part] = []
    for part in parts {
      if case .text(let text) = part {
        if text.isEmpty { continue }
        if case .text(let previous) = result.last {
          result[result.count - 1] = .text(previous + text)
          continue
        }
      }
      result.append(part)
    }
    return result
  }
}

extension Substring {
  /// Where the first `${` starts, found in the UTF-8 view (no copy of the rest, which a
  /// search per `${` would make quadratic in their number).
  fileprivate var firstOpening: Index? {
    var previous: UInt8 = 0
    var index = utf8.startIndex
    while index != utf8.endIndex {
      let byte = utf8[index]
      if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") {
        return utf8.index(before: index)
      }
      previous = byte
      index = utf8.index(after: index)
    }
    return nil
  }

  fileprivate func trimmingSpaces() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
