import Template

/// Resolves intrinsic functions as far as the template allows.
///
/// - `Ref` to a parameter with a `Default` gives the default, noting the parameter (a
///   deployer can override it); a parameter without one, or an SSM parameter, is unknown.
/// - `Ref` to a resource and `Fn::GetAtt` give symbols (`.ref(Key)`, `.attribute(Key, Arn)`);
///   pseudo parameters give `.pseudo(...)`; `!Ref AWS::NoValue` gives `.absent`.
/// - `Fn::Sub` and `Fn::Join` give strings with those symbols inside.
/// - `Fn::FindInMap` with keys the template fixes gives the mapping value.
/// - `Fn::If` gives both branches, each tagged with the branch it assumes.
/// - `Fn::ImportValue`, `Fn::GetAZs`, `Fn::Cidr`... give `.unknown` with the reason.
///
/// Never throws and never traps: what cannot be decided becomes `.unknown`. The number of
/// possibilities of one value is capped (`limit`); past it the value is unknown.
public struct Resolver: Sendable {
  public let template: Template
  /// The most possibilities one value may resolve to before it is reported unknown.
  public var limit: Int

  /// What resolvers of this template have worked out once and reuse (types, spelled-out
  /// names); the rules of one check share it through their `TemplateMemo`.
  package let memo: ResolverMemo

  public init(_ template: Template, limit: Int = 64) {
    self.init(template, limit: limit, memo: ResolverMemo())
  }

  /// A resolver that shares what it works out with the other resolvers given `memo` (which
  /// must be of `template`; the memo does not depend on the limit).
  package init(_ template: Template, limit: Int = 64, memo: ResolverMemo) {
    self.template = template
    self.limit = limit
    self.memo = memo
  }

  /// Pseudo parameters CloudFormation defines; `AWS::NoValue` is handled apart.
  public static let pseudoParameters: Set<String> = [
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region", "AWS::StackId",
    "AWS::StackName", "AWS::URLSuffix",
  ]

  /// The reason an imported value is unknown; `importedExport(from:)` reads the export back.
  package static func importReason(_ export: String) -> String {
    ("imported from another stack with Fn::ImportValue " + export).trimmingSuffixSpace()
  }

  /// The export name of an unknown reason made by `importReason`, else `nil`.
  package static func importedExport(from reason: String) -> String? {
    let prefix = "imported from another stack with Fn::ImportValue "
    guard reason.hasPrefix(prefix) else { return nil }
    let export = String(reason.dropFirst(prefix.count))
    return export.isEmpty ? nil : export
  }

  /// The reason a parameter without a default is unknown; `parameterWithoutDefault(from:)`
  /// reads the name back.
  package static func noDefaultReason(_ parameter: String) -> String {
    "parameter \(parameter) has no default"
  }

  /// The parameter named by a reason made by `noDefaultReason`, else `nil`.
  public static func parameterWithoutDefault(from reason: String) -> String? {
    let prefix = "parameter "
    let suffix = " has no default"
    guard reason.hasPrefix(prefix), reason.hasSuffix(suffix),
      reason.count > prefix.count + suffix.count
    else { return nil }
    return String(reason.dropFirst(prefix.count).dropLast(suffix.count))
  }

  /// Whether a deployer may give parameter `name` the value `text`: not when it is a `Number`
  /// parameter and `text` is no number, when `AllowedValues` lacks it, or when `AllowedPattern`
  /// (matched against the whole value, as CloudFormation does) rejects it. A pattern this
  /// checker cannot compile accepts everything.
  public func parameter(_ name: String, accepts text: String) -> Bool {
    guard let parameter = template.parameters[name] else { return true }
    if parameter.type == "Number", Double(text) == nil { return false }
    if let allowed = parameter.attributes["AllowedValues"]?.listValue {
      let values = allowed.compactMap { $0.stringValue ?? $0.numberValue?.literal }
      if values.count == allowed.count, !values.contains(text) { return false }
    }
    if let pattern = parameter.attributes["AllowedPattern"]?.stringValue,
      let regex = try? Regex(pattern), text.wholeMatch(of: regex) == nil
    {
      return false
    }
    return true
  }

  /// Every possible value of `value`.
  public func resolve(_ value: Value) -> [Resolved] {
    resolve(value, depth: 0)
  }

  /// The possible values of `value` as strings: numbers and booleans become text; lists,
  /// mappings and absence are returned as they are for the caller to judge.
  public func resolveString(_ value: Value) -> [Resolved] {
    Self.stringified(resolve(value))
  }

  /// The elements of a resolved list, each resolved, keeping the list's assumptions.
  /// Elements that resolve to `.absent` (an `Fn::If` with `AWS::NoValue`) are dropped, as
  /// CloudFormation drops them. A non-list is returned as a single element.
  public func elements(of resolved: Resolved) -> [Resolved] {
    guard case .list(let list) = resolved.shape else { return [resolved] }
    var result: [Resolved] = []
    result.reserveCapacity(list.count)
    for element in list {
      for item in resolve(element) where !item.isAbsent {
        if let merged = inherit(resolved, into: item) { result.append(merged) }
      }
    }
    return result
  }

  /// The member `key` of a resolved mapping, resolved, keeping the mapping's assumptions;
  /// `.absent` when the mapping has no such key, `.unknown` when the value is not a mapping.
  public func member(_ key: String, of resolved: Resolved) -> [Resolved] {
    member(key, of: resolved, found: resolved.map?[key])
  }

  /// `member(_:of:)` with the member already looked up (`found`, `nil` when the mapping has
  /// no such key): `Reading.child` looks at the raw value first and need not look twice.
  package func member(_ key: String, of resolved: Resolved, found: Value?) -> [Resolved] {
    switch resolved.shape {
    case .map:
      guard let value = found else {
        return [
          Resolved(
            .absent, assumptions: resolved.assumptions, parameters: resolved.parameters,
            location: resolved.location)
        ]
      }
      return inheriting(resolved, resolve(value))
    case .absent, .unknown:
      return [resolved]
    default:
      return [
        Resolved(
          .unknown("expected a mapping with \(key), found \(describe(resolved.shape))"),
          assumptions: resolved.assumptions, parameters: resolved.parameters,
          location: resolved.location)
      ]
    }
  }

  /// Follows a dotted path (`BucketEncryption.ServerSideEncryptionConfiguration`) from a value,
  /// resolving intrinsics at every step; `*` steps into every element of a list. An `Fn::If`
  /// anywhere on the way gives one result per branch.
  public func lookup(_ path: String, in value: Value) -> [Resolved] {
    var current = resolve(value)
    // The steps are cut from the path's bytes as they are reached: the rules look paths up
    // for nearly every value they judge, and splitting each into an array cost more than
    // following a short one.
    var rest = Substring(path)
    while !rest.isEmpty {
      let dot = rest.utf8.firstIndex(of: UInt8(ascii: ".")) ?? rest.endIndex
      let step = rest[..<dot]
      rest = dot == rest.endIndex ? "" : rest[rest.utf8.index(after: dot)...]
      if step.isEmpty { continue }
      let isEveryElement = step == "*"
      let position = Int(step)
      let key = String(step)
      var next: [Resolved] = []
      for item in current {
        if isEveryElement {
          next += item.list != nil ? elements(of: item) : [item]
        } else if let index = position, let list = item.list {
          if index >= 0, index < list.count {
            next += inheriting(item, resolve(list[index]))
          } else {
            next.append(
              Resolved(
                .absent, assumptions: item.assumptions, parameters: item.parameters,
                location: item.location))
          }
        } else {
          next += member(key, of: item)
        }
      }
      current = capped(next)
    }
    return current
  }

  /// A resource's property at a dotted path, resolved (see `lookup`); `.absent` when the
  /// resource or the property is not there.
  public func property(_ path: String, of logicalID: String) -> [Resolved] {
    guard let properties = template.resources.reading(logicalID, \.propertiesValue) else {
      return [Resolved(.absent)]
    }
    return lookup(path, in: properties)
  }

  /// A resource's property at a dotted path, resolved (see `lookup`).
  public func property(_ path: String, of resource: Resource) -> [Resolved] {
    lookup(path, in: resource.propertiesValue)
  }

  // MARK: - Resolution

  package func resolve(_ value: Value, depth: Int) -> [Resolved] {
    let here = value.location
    guard depth < 48 else {
      return [Resolved(.unknown("nesting too deep to resolve"), location: here)]
    }
    switch value.kind {
    case .string(let string): return [Resolved(.string(SymbolicString(string)), location: here)]
    case .number(let number): return [Resolved(.number(number), location: here)]
    case .bool(let bool): return [Resolved(.bool(bool), location: here)]
    case .null: return [Resolved(.null, location: here)]
    case .list(let list): return [Resolved(.list(list), location: here)]
    case .map(let map): return [Resolved(.map(map), location: here)]
    case .intrinsic(let function): return resolve(function, at: here, depth: depth + 1)
    }
  }

  private func resolve(_ function: Intrinsic, at here: SourceLocation?, depth: Int) -> [Resolved] {
    func unknown(_ reason: String) -> [Resolved] { [Resolved(.unknown(reason), location: here)] }
    switch function {
    case .ref(let name):
      return reference(name, at: here, depth: depth)
    case .getAtt(let resource, let attribute):
      guard template.resources.contains(resource) else {
        return unknown("Fn::GetAtt of \(resource), which the template does not define")
      }
      return [
        Resolved(.string(SymbolicString(symbol: .attribute(resource, attribute))), location: here)
      ]
    case .sub(let sub):
      return substitute(sub, at: here, depth: depth)
    case .join(let delimiter, let values):
      return join(delimiter: delimiter, values, at: here, depth: depth)
    case .if(let condition, let then, let otherwise):
      var result: [Resolved] = []
      for (branch, holds) in [(then, true), (otherwise, false)] {
        for var item in resolve(branch, depth: depth)
        where item.assumptions.value(of: condition) != !holds {
          item.assumptions.insert(BranchAssumption(condition, holds: holds))
          if item.location == nil { item.location = here }
          result.append(item)
        }
      }
      return capped(result)
    case .findInMap(let map, let topKey, let secondKey, let defaultValue):
      return findInMap(map, topKey, secondKey, defaultValue, at: here, depth: depth)
    case .select(let index, let list):
      return select(index, list, at: here, depth: depth)
    case .split(let delimiter, let source):
      return resolve(source, depth: depth).map { item in
        guard let text = stringified(item).literal else {
          return withShape(item, .unknown("Fn::Split of a value only known at deploy time"))
        }
        let pieces = delimiter.isEmpty ? [text] : text.components(separatedBy: delimiter)
        return withShape(item, .list(pieces.map { Value(.string($0), at: item.location ?? here) }))
      }
    case .importValue(let name):
      let names = resolveString(name).compactMap { $0.string?.description }
      return unknown(Self.importReason(names.first ?? ""))
    case .getAZs:
      return unknown("Fn::GetAZs is only known at deploy time")
    case .cidr:
      return unknown("Fn::Cidr is computed at deploy time")
    case .base64:
      return unknown("Fn::Base64 encodes the value")
    case .transform(let name, _):
      return unknown(
        "a macro (\(resolveString(name).first?.literal ?? "Fn::Transform")) computes the value")
    case .transforms(let calls):
      return unknown(
        "macros (\(calls.compactMap { resolveString($0.name).first?.literal }.joined(separator: ", "))) compute the value")
    case .rule(let function, _):
      return unknown("\(function.rawValue) is a function of the Rules section, known only at deployment")
    case .toJsonString:
      return unknown("Fn::ToJsonString is computed at deploy time")
    case .length(let list):
      return resolve(list, depth: depth).map { item in
        guard case .list(let values) = item.shape else {
          return withShape(item, .unknown("Fn::Length of a value that is not a list"))
        }
        return withShape(item, .number(Number(values.count)))
      }
    case .equals, .and, .or, .not, .condition:
      return unknown("\(function.name) is a condition function, not a value")
    }
  }

  private func reference(_ name: String, at here: SourceLocation?, depth: Int) -> [Resolved] {
    if name == "AWS::NoValue" { return [Resolved(.absent, location: here)] }
    if Self.pseudoParameters.contains(name) {
      return [Resolved(.string(SymbolicString(symbol: .pseudo(name))), location: here)]
    }
    if let parameter = template.parameters[name] {
      let type = parameter.type ?? "String"
      if type.hasPrefix("AWS::SSM::Parameter::Value") {
        return [
          Resolved(
            .unknown("parameter \(name) is read from SSM Parameter Store at deploy time"),
            location: here)
        ]
      }
      guard let defaultValue = parameter.defaultValue else {
        return [Resolved(.unknown(Self.noDefaultReason(name)), location: here)]
      }
      let isList = type.hasPrefix("List<") || type == "CommaDelimitedList"
      // A value from a parameter file is what the stack is deployed with, not a default a
      // deployer may override: findings need not mention the parameter.
      let given = ParameterValues.isGiven(parameter)
      return resolve(defaultValue, depth: depth).map { item in
        var item = item
        if !given { item.parameters = [name] + item.parameters.filter { $0 != name } }
        if item.location == nil { item.location = here }
        if isList, let text = stringified(item).literal {
          item.shape = .list(
            text.split(separator: ",", omittingEmptySubsequences: false).map {
              Value(.string($0.trimmingCharacters(in: " ")), at: item.location)
            })
        }
        return item
      }
    }
    if template.resources.contains(name) {
      return [Resolved(.string(SymbolicString(symbol: .ref(name))), location: here)]
    }
    return [
      Resolved(.unknown("Ref to \(name), which the template does not define"), location: here)
    ]
  }

  private func substitute(_ sub: Sub, at here: SourceLocation?, depth: Int) -> [Resolved] {
    if let single = substituteWithoutBranches(sub, at: here, depth: depth) { return single }
    var pieces: [[Resolved]] = []
    for part in sub.parts {
      switch part {
      case .text(let text):
        pieces.append([Resolved(.string(SymbolicString(text)))])
      case .reference(let name):
        if let variable = sub.variables?[name] {
          pieces.append(Self.stringified(resolve(variable, depth: depth)))
          continue
        }
        // The dot is looked up in the UTF-8 view: `Character` search pays for grapheme breaking.
        let dot = name.utf8.firstIndex(of: UInt8(ascii: "."))
        if let dot, template.resources.contains(String(name[..<dot])) {
          let resource = String(name[..<dot])
          let attribute = String(name[name.utf8.index(after: dot)...])
          pieces.append([Resolved(.string(SymbolicString(symbol: .attribute(resource, attribute))))]
          )
        } else if dot != nil, template.parameters[name] == nil {
          pieces.append([
            Resolved(.unknown("Fn::Sub refers to \(name), which the template does not define"))
          ])
        } else {
          pieces.append(Self.stringified(reference(name, at: here, depth: depth)))
        }
      }
    }
    return concatenate(pieces, separator: "", at: here)
  }

  /// `substitute` when every `${}` has one possibility under no branch (nearly every `Fn::Sub`):
  /// the parts are put together directly, as `concatenate` would with its one combination.
  /// `nil` when some reference branches or is not text; `substitute` then takes the general way.
  private func substituteWithoutBranches(_ sub: Sub, at here: SourceLocation?, depth: Int)
    -> [Resolved]?
  {
    var parts: [SymbolicString.Part] = []
    parts.reserveCapacity(sub.parts.count)
    var parameters: [String] = []
    for part in sub.parts {
      let items: [Resolved]
      switch part {
      case .text(let text):
        parts.append(.text(text))
        continue
      case .reference(let name):
        if let variable = sub.variables?[name] {
          items = resolve(variable, depth: depth)
        } else {
          let dot = name.utf8.firstIndex(of: UInt8(ascii: "."))
          if let dot, template.resources.contains(String(name[..<dot])) {
            let attribute = String(name[name.utf8.index(after: dot)...])
            parts.append(.symbol(.attribute(String(name[..<dot]), attribute)))
            continue
          } else if dot != nil, template.parameters[name] == nil {
            parts.append(.unknown("Fn::Sub refers to \(name), which the template does not define"))
            continue
          }
          items = reference(name, at: here, depth: depth)
        }
      }
      guard items.count == 1, items[0].assumptions.isEmpty else { return nil }
      let item = Self.stringified(items[0])
      switch item.shape {
      case .string(let string): parts += string.parts
      case .unknown(let reason): parts.append(.unknown(reason))
      case .absent: break
      default: return nil
      }
      parameters += item.parameters
    }
    return [
      Resolved(
        .string(SymbolicString(parts)),
        parameters: parameters.count > 1 ? unique(parameters) : parameters, location: here)
    ]
  }

  private func join(delimiter: String, _ values: Value, at here: SourceLocation?, depth: Int)
    -> [Resolved]
  {
    var result: [Resolved] = []
    for list in resolve(values, depth: depth) {
      guard case .list(let elements) = list.shape else {
        if case .unknown = list.shape {
          result.append(list)
        } else {
          result.append(
            withShape(list, .unknown("Fn::Join of \(describe(list.shape)), not a list")))
        }
        continue
      }
      var pieces: [[Resolved]] = []
      for element in elements {
        pieces.append(
          resolve(element, depth: depth).compactMap { item in
            item.isAbsent ? nil : stringified(item)
          })
      }
      for joined in concatenate(pieces, separator: delimiter, at: here) {
        if let merged = inherit(list, into: joined) { result.append(merged) }
      }
    }
    return capped(result)
  }

  private func findInMap(
    _ map: Value, _ topKey: Value, _ secondKey: Value, _ defaultValue: Value?,
    at here: SourceLocation?, depth: Int
  ) -> [Resolved] {
    var result: [Resolved] = []
    let maps = resolveString(map)
    let mapping =
      maps.count == 1 ? maps[0].literal.flatMap { template.mappings[$0]?.mapValue } : nil
    let tops = mapKey(topKey, candidates: mapping?.keys ?? [])
    let seconds = mapKey(
      secondKey,
      candidates: unique(mapping?.values.flatMap { $0.mapValue?.keys ?? [] } ?? []))
    for keys in product([maps, tops, seconds]) {
      let assumptions = keys.assumptions
      let parameters = keys.items.flatMap(\.parameters)
      guard let mapName = keys.items[0].literal, let top = keys.items[1].literal,
        let second = keys.items[2].literal
      else {
        result.append(
          Resolved(
            .unknown(unknownKeyReason(keys.items)), assumptions: assumptions,
            parameters: parameters, location: here))
        continue
      }
      let found = template.mappings[mapName]?[top]?[second]
      guard let chosen = found ?? defaultValue else {
        result.append(
          Resolved(
            .unknown("mapping \(mapName) has no value for \(top).\(second)"),
            assumptions: assumptions,
            parameters: parameters, location: here))
        continue
      }
      for var item in resolve(chosen, depth: depth) {
        guard let merged = item.assumptions.merged(with: assumptions) else { continue }
        item.assumptions = merged
        item.parameters = parameters + item.parameters
        result.append(item)
      }
    }
    return capped(result)
  }

  /// The possible values of a `Fn::FindInMap` key. A `Ref` to a `String` or `Number` parameter
  /// without a default gives one value per key it can take, each assuming that choice: its
  /// `AllowedValues`, else `candidates` (the keys of the mapping at that level), since any
  /// other value fails the deployment.
  private func mapKey(_ key: Value, candidates: [String]) -> [Resolved] {
    let resolved = resolveString(key)
    guard case .intrinsic(.ref(let name)) = key.kind, let parameter = template.parameters[name],
      parameter.defaultValue == nil, ["String", "Number"].contains(parameter.type ?? "String")
    else { return resolved }
    let allowed = parameter.attributes["AllowedValues"]?.listValue?.compactMap {
      $0.stringValue ?? $0.numberValue?.literal
    }
    let values = allowed ?? candidates
    guard !values.isEmpty else { return resolved }
    return unique(values).map { value in
      var assumptions = Assumptions()
      assumptions.insert(ParameterChoice(name, is: value))
      return Resolved(
        .string(SymbolicString(value)), assumptions: assumptions, location: key.location)
    }
  }

  /// Why `Fn::FindInMap` cannot be looked up: the first of its keys without a literal value.
  private func unknownKeyReason(_ keys: [Resolved]) -> String {
    guard let key = keys.first(where: { $0.literal == nil }) else {
      return "Fn::FindInMap has no literal key"
    }
    if let string = key.string {
      return "Fn::FindInMap key \(string) is only known at deploy time"
    }
    if let reason = key.unknownReasons.first {
      return "an Fn::FindInMap key is only known at deploy time: \(reason)"
    }
    return "an Fn::FindInMap key is \(describe(key.shape)), not text"
  }

  private func select(_ index: Value, _ list: Value, at here: SourceLocation?, depth: Int)
    -> [Resolved]
  {
    var result: [Resolved] = []
    for pair in product([resolveString(index), resolve(list, depth: depth)]) {
      let indexItem = pair.items[0]
      let listItem = pair.items[1]
      guard let text = indexItem.literal, let position = Int(text) else {
        result.append(
          Resolved(
            .unknown("Fn::Select index is only known at deploy time"),
            assumptions: pair.assumptions, location: here))
        continue
      }
      guard case .list(let elements) = listItem.shape else {
        let reason =
          listItem.unknownReasons.first ?? "Fn::Select of \(describe(listItem.shape)), not a list"
        result.append(Resolved(.unknown(reason), assumptions: pair.assumptions, location: here))
        continue
      }
      guard position >= 0, position < elements.count else {
        result.append(
          Resolved(
            .unknown("Fn::Select index \(position) is out of range"), assumptions: pair.assumptions,
            location: here))
        continue
      }
      for var item in resolve(elements[position], depth: depth) {
        guard let merged = item.assumptions.merged(with: pair.assumptions) else { continue }
        item.assumptions = merged
        item.parameters = indexItem.parameters + listItem.parameters + item.parameters
        result.append(item)
      }
    }
    return capped(result)
  }

  // MARK: - Helpers

  /// Concatenates possibilities of string pieces: every consistent combination, each with
  /// the union of assumptions.
  private func concatenate(_ pieces: [[Resolved]], separator: String, at here: SourceLocation?)
    -> [Resolved]
  {
    var result: [Resolved] = []
    for combination in product(pieces) {
      var parts: [SymbolicString.Part] = []
      var reasons: [String] = []
      for (offset, item) in combination.items.enumerated() {
        if offset > 0, !separator.isEmpty { parts.append(.text(separator)) }
        switch item.shape {
        case .string(let string): parts += string.parts
        case .unknown(let reason): parts.append(.unknown(reason))
        case .absent: break
        default: reasons.append("a \(describe(item.shape)) where text was expected")
        }
      }
      var parameters: [String] = []
      for item in combination.items where !item.parameters.isEmpty {
        parameters += item.parameters
      }
      let shape: Resolved.Shape =
        reasons.isEmpty ? .string(SymbolicString(parts)) : .unknown(reasons[0])
      result.append(
        Resolved(
          shape, assumptions: combination.assumptions,
          parameters: parameters.count > 1 ? unique(parameters) : parameters,
          location: here))
    }
    return capped(result)
  }

  private struct Combination {
    package var items: [Resolved]
    package var assumptions: Assumptions
  }

  /// The cartesian product of possibilities, dropping contradictory combinations.
  private func product(_ lists: [[Resolved]]) -> [Combination] {
    // One possibility per list (no `Fn::If` anywhere): one combination, built without the
    // intermediate lists of the general case.
    if lists.allSatisfy({ $0.count == 1 }) {
      var items: [Resolved] = []
      items.reserveCapacity(lists.count)
      var assumptions = Assumptions.always
      for list in lists {
        guard let merged = assumptions.merged(with: list[0].assumptions) else { return [] }
        assumptions = merged
        items.append(list[0])
      }
      return [Combination(items: items, assumptions: assumptions)]
    }
    // Combinations grow one list at a time. Each is a chain of steps sharing the steps of the
    // combination it extends, so a join of many pieces with a few branches costs the number of
    // combinations times the pieces, not that times the pieces again for copying.
    var steps: [Step] = []
    var combinations = [Partial(last: nil, assumptions: .always)]
    for list in lists {
      var next: [Partial] = []
      for combination in combinations {
        for item in list {
          guard let merged = combination.assumptions.merged(with: item.assumptions) else {
            continue
          }
          steps.append(Step(item: item, previous: combination.last))
          next.append(Partial(last: steps.count - 1, assumptions: merged))
        }
      }
      if next.count > limit {
        return [
          Combination(
            items: lists.map { _ in Resolved(.unknown(tooManyCombinations)) },
            assumptions: .always)
        ]
      }
      combinations = next
    }
    return combinations.map { combination in
      var items: [Resolved] = []
      items.reserveCapacity(lists.count)
      var step = combination.last
      while let index = step {
        items.append(steps[index].item)
        step = steps[index].previous
      }
      return Combination(items: items.reversed(), assumptions: combination.assumptions)
    }
  }

  /// One item of a combination being built, and the step before it.
  private struct Step {
    package let item: Resolved
    package let previous: Int?
  }

  /// A combination being built: its last step and what it assumes.
  private struct Partial {
    package let last: Int?
    package let assumptions: Assumptions
  }

  /// Why a value is unknown past the budget of `limit` possibilities.
  private var tooManyCombinations: String {
    "more than \(limit) combinations of Fn::If branches to resolve"
  }

  private func capped(_ results: [Resolved]) -> [Resolved] {
    guard results.count > limit else { return results }
    return [
      Resolved(
        .unknown(tooManyCombinations), location: results.first?.location)
    ]
  }

  /// `item` with the assumptions and parameters of the container it was found in, or `nil`
  /// when the two contradict (a branch inside a branch that cannot happen).
  package func inherit(_ container: Resolved, into item: Resolved) -> Resolved? {
    // The common case: a container that assumes nothing and is located passes on nothing.
    if container.assumptions.isEmpty, container.parameters.isEmpty,
      item.location != nil || container.location == nil
    {
      return item
    }
    guard let merged = container.assumptions.merged(with: item.assumptions) else { return nil }
    var item = item
    item.assumptions = merged
    if !container.parameters.isEmpty {
      item.parameters =
        item.parameters.isEmpty
        ? container.parameters : unique(container.parameters + item.parameters)
    }
    if item.location == nil { item.location = container.location }
    return item
  }

  /// `items` each under `container` (see `inherit(_:into:)`), contradicting ones dropped.
  package func inheriting(_ container: Resolved, _ items: [Resolved]) -> [Resolved] {
    guard container.assumptions.isEmpty, container.parameters.isEmpty else {
      return items.compactMap { inherit(container, into: $0) }
    }
    guard let location = container.location else { return items }
    var items = items
    for index in items.indices where items[index].location == nil {
      items[index].location = location
    }
    return items
  }

  package func stringified(_ item: Resolved) -> Resolved { Self.stringified(item) }

  package static func stringified(_ item: Resolved) -> Resolved {
    switch item.shape {
    case .number(let number):
      var item = item
      item.shape = .string(SymbolicString(number.literal))
      return item
    case .bool(let bool):
      var item = item
      item.shape = .string(SymbolicString(bool ? "true" : "false"))
      return item
    default: return item
    }
  }

  /// Each item stringified (see `stringified(_:)`), changing the list only where needed.
  package static func stringified(_ items: [Resolved]) -> [Resolved] {
    var items = items
    for index in items.indices {
      switch items[index].shape {
      case .number, .bool: items[index] = stringified(items[index])
      default: continue
      }
    }
    return items
  }

  private func withShape(_ item: Resolved, _ shape: Resolved.Shape) -> Resolved {
    var item = item
    item.shape = shape
    return item
  }

  package func describe(_ shape: Resolved.Shape) -> String {
    switch shape {
    case .absent: return "no value"
    case .null: return "null"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "a boolean"
    case .list: return "a list"
    case .map: return "a mapping"
    case .unknown: return "an unknown value"
    }
  }

  private func unique(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0).inserted }
  }
}

extension String {
  fileprivate func trimmingSuffixSpace() -> String {
    var result = self
    while result.hasSuffix(" ") { result.removeLast() }
    return result
  }

  fileprivate func trimmingCharacters(in characters: String) -> String {
    String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in characters: String) -> String {
    String(self).trimmingCharacters(in: characters)
  }
}
