extension Intrinsic {
  /// The function with `transform` applied to each of its argument values (the values
  /// `arguments` lists), its literal names unchanged.
  func mappingArguments(_ transform: (Value) -> Value) -> Intrinsic {
    switch self {
    case .ref, .getAtt, .condition: return self
    case .sub(let sub):
      return .sub(Sub(parts: sub.parts, variables: sub.variables?.mapValues(transform)))
    case .join(let delimiter, let values):
      return .join(delimiter: delimiter, values: transform(values))
    case .select(let index, let list):
      return .select(index: transform(index), list: transform(list))
    case .split(let delimiter, let source):
      return .split(delimiter: delimiter, source: transform(source))
    case .if(let condition, let then, let otherwise):
      return .if(condition: condition, then: transform(then), else: transform(otherwise))
    case .equals(let lhs, let rhs): return .equals(transform(lhs), transform(rhs))
    case .and(let items): return .and(items.map(transform))
    case .or(let items): return .or(items.map(transform))
    case .not(let item): return .not(transform(item))
    case .findInMap(let map, let top, let second, let fallback):
      return .findInMap(
        map: transform(map), topKey: transform(top), secondKey: transform(second),
        defaultValue: fallback.map(transform))
    case .importValue(let value): return .importValue(transform(value))
    case .getAZs(let value): return .getAZs(transform(value))
    case .base64(let value): return .base64(transform(value))
    case .cidr(let block, let count, let bits):
      return .cidr(ipBlock: transform(block), count: transform(count), cidrBits: transform(bits))
    case .transform(let name, let parameters):
      return .transform(name: transform(name), parameters: parameters.map(transform))
    case .transforms(let calls):
      return .transforms(
        calls.map { MacroCall(name: transform($0.name), parameters: $0.parameters.map(transform)) })
    case .rule(let function, let argument): return .rule(function, transform(argument))
    case .toJsonString(let value): return .toJsonString(transform(value))
    case .length(let value): return .length(transform(value))
    }
  }
}
