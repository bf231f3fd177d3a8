/// Spells out a resource part written as one `Fn::If` (`Properties: !If [UseKey, {...}, {...}]`,
/// or a whole resource body) member by member.
///
/// CloudFormation accepts the written form, and checks read resources property by property:
/// the members of `!If [C, {A: 1, B: 2}, {A: 3}]` are `A: !If [C, 1, 3]` and `B: !If [C, 2,
/// !Ref AWS::NoValue]`, which say the same. Every check then sees both branches the way it sees
/// a conditional property, each possibility tagged with the condition it assumes; a property a
/// branch lacks is `AWS::NoValue` located at that branch, so a finding points into the branch.
enum ConditionalAttributes {
  /// The members of `value`: a mapping, `AWS::NoValue` or null (no members), an `Fn::If` whose
  /// branches are such values (nested to any depth), or a macro call (whose members only the
  /// macro knows: none here). `nil` when a branch is something else.
  static func members(of value: Value) -> OrderedMap<Value>? {
    switch value.kind {
    case .map(let map):
      return map
    case .null, .intrinsic(.ref("AWS::NoValue")), .intrinsic(.transform), .intrinsic(.transforms):
      return OrderedMap()
    case .intrinsic(.if(let condition, let then, let otherwise)):
      guard let thenMembers = members(of: then), let elseMembers = members(of: otherwise) else {
        return nil
      }
      var result = OrderedMap<Value>()
      for entry in thenMembers {
        result.insert(
          .init(
            key: entry.key, keyLocation: entry.keyLocation,
            value: Value(
              .intrinsic(
                .if(
                  condition: condition, then: entry.value,
                  else: elseMembers[entry.key] ?? noValue(at: otherwise.location ?? value.location))
              ), at: value.location)))
      }
      for entry in elseMembers where !thenMembers.contains(entry.key) {
        result.insert(
          .init(
            key: entry.key, keyLocation: entry.keyLocation,
            value: Value(
              .intrinsic(
                .if(
                  condition: condition, then: noValue(at: then.location ?? value.location),
                  else: entry.value)), at: value.location)))
      }
      return result
    default:
      return nil
    }
  }

  /// The literal strings a spelled-out member can take, in branch order (`Type`, `Condition`,
  /// each name of `DependsOn`): CloudFormation requires these to be literals in every branch.
  static func literals(of value: Value) -> [Value] {
    switch value.kind {
    case .string: return [value]
    case .list(let items): return items.flatMap(literals)
    case .intrinsic(.if(_, let then, let otherwise)): return literals(of: then) + literals(of: otherwise)
    default: return []
    }
  }

  private static func noValue(at location: SourceLocation?) -> Value {
    Value(.intrinsic(.ref("AWS::NoValue")), at: location)
  }
}
