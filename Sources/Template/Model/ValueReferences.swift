/// What a value refers to, at any depth: the `Ref`s, the `Fn::GetAtt`s and the `${}` references
/// of `Fn::Sub` (split into resource and attribute), in the order written.
///
/// Parameters and pseudo parameters come out as resources without an attribute; callers that
/// need resources only look the names up among the template's resources.
extension Value {
  public var references: [(name: String, attribute: String?)] {
    switch kind {
    case .string, .number, .bool, .null: return []
    case .list(let items): return items.flatMap(\.references)
    case .map(let map): return map.values.flatMap(\.references)
    case .intrinsic(let function):
      var found: [(name: String, attribute: String?)] = []
      switch function {
      case .ref(let name): found.append((name, nil))
      case .getAtt(let resource, let attribute): found.append((resource, attribute))
      case .sub(let sub):
        for reference in sub.references {
          let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
          found.append((parts[0], parts.count > 1 ? parts[1] : nil))
        }
      default: break
      }
      return found + function.arguments.flatMap(\.references)
    }
  }
}
