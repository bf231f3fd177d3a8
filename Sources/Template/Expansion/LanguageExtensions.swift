import Foundation

/// Something the expansion of `AWS::LanguageExtensions` assumed or could not do, for checks to
/// report: the template that is checked is not exactly the one a deployment would see.
public struct ExpansionNote: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// A loop over a list parameter, expanded with the parameter's `Default`.
    case parameterDefault
    /// A loop whose collection is known only at deployment, left unexpanded.
    case unknownCollection
  }

  public var kind: Kind
  /// The loop, `Fn::ForEach::Tables`.
  public var loop: String
  /// The parameter the loop goes over, when it is one: the expansion used it.
  public var parameter: String?
  public var message: String
  public var location: SourceLocation

  public init(
    _ kind: Kind, loop: String, parameter: String? = nil, _ message: String,
    at location: SourceLocation
  ) {
    self.kind = kind
    self.loop = loop
    self.parameter = parameter
    self.message = message
    self.location = location
  }
}

extension Template {
  /// The name of the language extensions transform.
  public static let languageExtensions = "AWS::LanguageExtensions"

  /// True when `Transform` names `AWS::LanguageExtensions` (alone or in a list).
  static func declaresLanguageExtensions(_ transform: Value) -> Bool {
    switch transform.kind {
    case .string(let name): return name == languageExtensions
    case .list(let names): return names.contains { $0.stringValue == languageExtensions }
    default: return false
    }
  }

  /// `text` in the copy of a `Fn::ForEach` body where `identifier` is `value`: `${Identifier}`
  /// replaced by the value, `&{Identifier}` by the value without its non-alphanumeric characters.
  public static func forEachSubstitution(_ text: String, identifier: String, value: String)
    -> String
  {
    LanguageExtensionsExpander.substitute(text, [(identifier, value)])
  }

  /// True when the template runs through `AWS::LanguageExtensions`.
  public var usesLanguageExtensions: Bool {
    transform.map(Self.declaresLanguageExtensions) ?? false
  }

  /// The template as CloudFormation checks it once `AWS::LanguageExtensions` has run: every
  /// `Fn::ForEach` in Resources, Conditions and Outputs (and in any value below them) replaced
  /// by what it generates, `Fn::Length` of a literal list and `Fn::ToJsonString` of a literal
  /// value computed, `Fn::FindInMap` with keys the template fixes looked up (its `DefaultValue`
  /// where the keys are missing) — in `DeletionPolicy` and `UpdateReplacePolicy` too, which
  /// the transform lets be functions.
  ///
  /// Generated entries keep the locations of the loop body they come from, and are named as
  /// CloudFormation names them (`Table${Name}` over `[Runs]` is `TableRuns`). A loop over a list
  /// parameter uses its `Default`; a loop whose collection cannot be known stays a loop. Both
  /// are in `expansionNotes`. A template without the transform is returned as it is: `convert`
  /// and `diff` never expand, only checks do.
  public func expandingLanguageExtensions() -> Template {
    guard usesLanguageExtensions, !isExpanded else { return self }
    let root = document ?? encoded
    guard case .map(let sections) = root.kind else { return self }
    var expander = LanguageExtensionsExpander(
      parameters: sections["Parameters"]?.mapValue ?? OrderedMap(),
      mappings: sections["Mappings"]?.mapValue ?? OrderedMap())
    var expanded = OrderedMap<Value>()
    for entry in sections {
      var value = entry.value
      switch entry.key {
      case "Resources", "Conditions", "Outputs":
        value = expander.expand(value, [])
      default: break
      }
      expanded.insert(.init(key: entry.key, keyLocation: entry.keyLocation, value: value))
    }
    guard var template = try? Template(decoding: Value(.map(expanded), at: root.location)) else {
      return self
    }
    template.file = file
    template.document = nil
    template.expansionNotes = expander.notes
    template.isExpanded = true
    return template
  }
}

/// The state of one expansion: the template's parameters and mappings, and the notes so far.
struct LanguageExtensionsExpander {
  /// An identifier of an enclosing loop and the value it has in this copy of the body.
  typealias Binding = (identifier: String, value: String)

  let parameters: OrderedMap<Value>
  let mappings: OrderedMap<Value>
  var notes: [ExpansionNote] = []

  /// `value` with its loops expanded, the identifiers of `bindings` substituted, and the
  /// functions of the transform computed where their arguments are literal.
  mutating func expand(_ value: Value, _ bindings: [Binding]) -> Value {
    switch value.kind {
    case .string(let text):
      guard !bindings.isEmpty else { return value }
      return Value(.string(Self.substitute(text, bindings)), at: value.location)
    case .number, .bool, .null:
      return value
    case .list(let items):
      var result: [Value] = []
      result.reserveCapacity(items.count)
      for item in items { result.append(expand(item, bindings)) }
      return Value(.list(result), at: value.location)
    case .map(let map):
      let members = expand(map, bindings)
      // A `Ref` or `Fn::GetAtt` whose name the loop spelled out (`Ref: !Sub Topic${Name}`)
      // becomes the reference it now is.
      if !bindings.isEmpty, members.count == 1, let only = members.entries.first,
        only.key == "Ref" || only.key == "Fn::GetAtt"
      {
        let literal = Value(
          .map([only.key: Self.literalSubs(only.value)]), at: value.location)
        if case .map(let spelled) = literal.kind,
          let decoded = try? IntrinsicDecoding.decodeMapping(
            spelled, at: value.location ?? .nowhere), case .intrinsic = decoded.kind
        {
          return decoded
        }
      }
      return Value(.map(members), at: value.location)
    case .intrinsic(let function):
      return evaluate(substitute(function, bindings, at: value.location), at: value.location)
    }
  }

  /// The members of `map`, each `Fn::ForEach::Name` entry replaced by what it generates.
  mutating func expand(_ map: OrderedMap<Value>, _ bindings: [Binding]) -> OrderedMap<Value> {
    var result = OrderedMap<Value>()
    for entry in map {
      if entry.key.hasPrefix(Template.forEachPrefix), let generated = loop(entry, bindings) {
        for member in generated where !result.contains(member.key) {
          result.insert(member)
        }
        continue
      }
      let key = bindings.isEmpty ? entry.key : Self.substitute(entry.key, bindings)
      if result.contains(key) { continue }
      result.insert(.init(key: key, keyLocation: entry.keyLocation, value: expand(entry.value, bindings)))
    }
    return result
  }

  /// What the loop `entry` (`Fn::ForEach::Name: [Identifier, Collection, {Key: Value}]`)
  /// generates: the body once per member of the collection, with the identifier bound to it.
  /// `nil` (the entry kept as written) when the collection cannot be known.
  private mutating func loop(_ entry: OrderedMap<Value>.Entry, _ bindings: [Binding])
    -> OrderedMap<Value>?
  {
    guard case .list(let items) = entry.value.kind, items.count == 3,
      let identifier = items[0].stringValue, case .map(let body) = items[2].kind
    else { return nil }
    let at = items[1].location ?? entry.keyLocation ?? .nowhere
    guard let members = collection(expand(items[1], bindings), loop: entry.key, at: at) else {
      return nil
    }
    var result = OrderedMap<Value>()
    for member in members {
      for generated in expand(body, bindings + [(identifier, member)])
      where !result.contains(generated.key) {
        result.insert(generated)
      }
    }
    return result
  }

  /// The members of a loop's collection: a literal list, a list parameter's `Default`, or a
  /// list a `Fn::FindInMap` with literal keys gives.
  private mutating func collection(_ value: Value, loop: String, at location: SourceLocation)
    -> [String]?
  {
    switch value.kind {
    case .list(let items):
      let members = items.compactMap(Self.text)
      if members.count == items.count { return members }
      notes.append(
        ExpansionNote(
          .unknownCollection, loop: loop,
          "\(loop) loops over a list with values known only at deployment; what it generates is not checked",
          at: location))
      return nil
    case .intrinsic(.ref(let name)):
      guard let parameter = parameters[name]?.mapValue else { break }
      guard let fallback = parameter["Default"] else {
        notes.append(
          ExpansionNote(
            .unknownCollection, loop: loop, parameter: name,
            "\(loop) loops over parameter \(name), which has no Default; what it generates is known only at deployment and is not checked",
            at: location))
        return nil
      }
      let members: [String]
      if case .list(let items) = fallback.kind {
        members = items.compactMap(Self.text)
      } else {
        members = (Self.text(fallback) ?? "").split(separator: ",", omittingEmptySubsequences: false)
          .map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
      }
      notes.append(
        ExpansionNote(
          .parameterDefault, loop: loop, parameter: name,
          "\(loop) loops over parameter \(name), expanded with its Default (\(members.joined(separator: ", "))); a deployment may pass other values",
          at: location))
      return members
    case .intrinsic(.findInMap(let map, let top, let second, let fallback)):
      // Keys given by parameters are taken at their defaults, as for a loop over a parameter.
      var defaults: [String] = []
      func key(_ value: Value) -> String? {
        if let text = Self.text(value) { return text }
        guard case .intrinsic(.ref(let name)) = value.kind,
          let fallback = parameters[name]?.mapValue?["Default"], let text = Self.text(fallback)
        else { return nil }
        defaults.append(name)
        return text
      }
      guard let map = key(map), let top = key(top), let second = key(second),
        let found = mappings[map]?.mapValue?[top]?.mapValue?[second] ?? fallback,
        case .list(let items) = found.kind
      else { break }
      let members = items.compactMap(Self.text)
      guard members.count == items.count else { break }
      if !defaults.isEmpty {
        notes.append(
          ExpansionNote(
            .parameterDefault, loop: loop, parameter: defaults[0],
            "\(loop) loops over a mapping entry chosen by \(defaults.joined(separator: ", ")), expanded with the Default (\(members.joined(separator: ", "))); a deployment may pass other values",
            at: location))
      }
      return members
    default: break
    }
    notes.append(
      ExpansionNote(
        .unknownCollection, loop: loop,
        "\(loop) loops over \(value.kindDescription), known only at deployment; what it generates is not checked",
        at: location))
    return nil
  }

  // MARK: - Identifiers

  /// `text` with `${Identifier}` replaced by the value and `&{Identifier}` by the value without
  /// its non-alphanumeric characters, for every binding.
  static func substitute(_ text: String, _ bindings: [Binding]) -> String {
    guard text.contains("{") else { return text }
    var result = text
    for binding in bindings.reversed() {
      result = result.replacingOccurrences(of: "${\(binding.identifier)}", with: binding.value)
        .replacingOccurrences(of: "&{\(binding.identifier)}", with: alphanumeric(binding.value))
    }
    return result
  }

  static func alphanumeric(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter {
          ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }))
  }

  private static func binding(_ name: String, _ bindings: [Binding]) -> String? {
    bindings.last { $0.identifier == name }?.value
  }

  /// `function` with the identifiers substituted in its names and arguments: `!Ref Identifier`
  /// is the loop's value itself, `${Identifier}` in `Fn::Sub` is text.
  private mutating func substitute(
    _ function: Intrinsic, _ bindings: [Binding], at location: SourceLocation?
  ) -> Intrinsic {
    func names(_ text: String) -> String { bindings.isEmpty ? text : Self.substitute(text, bindings) }
    switch function {
    case .ref(let name):
      if let value = Self.binding(name, bindings) {
        // A `Ref` to the identifier is its value: a string, not a function.
        return .sub(Sub(parts: [.text(value)]))
      }
      return .ref(names(name))
    case .getAtt(let resource, let attribute):
      return .getAtt(resource: names(resource), attribute: names(attribute))
    case .condition(let name):
      return .condition(names(name))
    case .if(let condition, let then, let otherwise):
      return .if(
        condition: names(condition), then: expand(then, bindings), else: expand(otherwise, bindings))
    case .sub(let sub):
      var parts: [Sub.Part] = []
      for part in sub.parts {
        switch part {
        case .reference(let name):
          if sub.variables?[name] == nil, let value = Self.binding(name, bindings) {
            parts.append(.text(value))
          } else {
            parts.append(.reference(names(name)))
          }
        case .text(let text):
          parts.append(.text(names(text)))
        }
      }
      return .sub(Sub(parts: parts, variables: sub.variables.map { expand($0, bindings) }))
    default:
      return function.mappingArguments { expand($0, bindings) }
    }
  }

  // MARK: - Functions of the transform

  /// `function` computed where the transform computes it before deployment: `Fn::Length` of a
  /// literal list, `Fn::ToJsonString` of a literal value, `Fn::FindInMap` with literal keys; a
  /// `Fn::Sub` left with no reference is its text.
  private func evaluate(_ function: Intrinsic, at location: SourceLocation?) -> Value {
    switch function {
    case .length(let list):
      if case .list(let items) = list.kind {
        return Value(.number(Number(items.count)), at: location)
      }
    case .toJsonString(let value):
      if Self.isLiteral(value) {
        return Value(.string(JSONWriter.compact(value)), at: location)
      }
    case .findInMap(let map, let top, let second, let fallback):
      if let map = Self.text(map), let top = Self.text(top), let second = Self.text(second),
        let table = mappings[map]?.mapValue
      {
        if let found = table[top]?.mapValue?[second] { return found }
        if let fallback { return fallback }
      }
    case .sub(let sub) where sub.variables == nil && sub.references.isEmpty:
      if case .text(let text)? = sub.parts.first, sub.parts.count == 1 {
        return Value(.string(text), at: location)
      }
      if sub.parts.isEmpty { return Value(.string(""), at: location) }
    default: break
    }
    return Value(.intrinsic(function), at: location)
  }

  /// `value` with each `Fn::Sub` that has no reference left written as its text, for names.
  private static func literalSubs(_ value: Value) -> Value {
    switch value.kind {
    case .intrinsic(.sub(let sub)) where sub.variables == nil && sub.references.isEmpty:
      let text = sub.parts.map { if case .text(let text) = $0 { text } else { "" } }.joined()
      return Value(.string(text), at: value.location)
    case .list(let items):
      return Value(.list(items.map(literalSubs)), at: value.location)
    default:
      return value
    }
  }

  /// The text of a scalar (a string, or a number's literal).
  static func text(_ value: Value) -> String? {
    switch value.kind {
    case .string(let text): return text
    case .number(let number): return number.literal
    case .bool(let bool): return bool ? "true" : "false"
    default: return nil
    }
  }

  /// True when `value` has no function anywhere: its JSON is known before deployment.
  static func isLiteral(_ value: Value) -> Bool {
    var literal = true
    value.forEachDescendant { if case .intrinsic = $0.kind { literal = false } }
    return literal
  }
}
