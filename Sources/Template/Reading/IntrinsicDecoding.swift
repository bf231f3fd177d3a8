/// Turns the written forms of intrinsic functions into `Intrinsic` cases.
///
/// Both YAML short tags (`!GetAtt A.B`) and long-form single-key mappings
/// (`Fn::GetAtt: [A, B]`, JSON's `{"Fn::GetAtt": ["A", "B"]}`) go through `decode`, so the
/// two forms cannot drift apart. A wrong shape is an error with a sentence that says what
/// the function takes; a key that is not a known function (`Fn::ForEach::Topics`, any
/// language extension) stays an ordinary mapping.
enum IntrinsicDecoding {
  /// The long-form name for a YAML short tag (`!Ref` → `Ref`, `!If` → `Fn::If`), or `nil`
  /// when the tag is not a CloudFormation function.
  static func functionName(forTag tag: String) -> String? {
    // A switch over literals: no allocation and no hashing for the tags of every template.
    switch tag {
    case "!Ref": return "Ref"
    case "!GetAtt": return "Fn::GetAtt"
    case "!Sub": return "Fn::Sub"
    case "!Join": return "Fn::Join"
    case "!Select": return "Fn::Select"
    case "!Split": return "Fn::Split"
    case "!If": return "Fn::If"
    case "!Equals": return "Fn::Equals"
    case "!And": return "Fn::And"
    case "!Or": return "Fn::Or"
    case "!Not": return "Fn::Not"
    case "!Condition": return "Condition"
    case "!FindInMap": return "Fn::FindInMap"
    case "!ImportValue": return "Fn::ImportValue"
    case "!GetAZs": return "Fn::GetAZs"
    case "!Base64": return "Fn::Base64"
    case "!Cidr": return "Fn::Cidr"
    case "!Transform": return "Fn::Transform"
    case "!ToJsonString": return "Fn::ToJsonString"
    case "!Length": return "Fn::Length"
    case "!ValueOf": return "Fn::ValueOf"
    case "!ValueOfAll": return "Fn::ValueOfAll"
    case "!RefAll": return "Fn::RefAll"
    case "!Contains": return "Fn::Contains"
    case "!EachMemberEquals": return "Fn::EachMemberEquals"
    case "!EachMemberIn": return "Fn::EachMemberIn"
    default: return nil
    }
  }

  /// A finished mapping: a long-form function when it has a single key naming one, else the mapping.
  ///
  /// `{Condition: X}` stays a mapping here: `Condition` is also an ordinary key (IAM
  /// statements, resource attributes). It becomes `.condition` only where a condition is
  /// expected, through `conditionOperand`.
  static func decodeMapping(_ map: OrderedMap<Value>, at location: SourceLocation)
    throws(TemplateError) -> Value
  {
    if map.count == 1, let entry = map.entries.first, entry.key != "Condition",
      entry.key.utf8.first == UInt8(ascii: "R") || entry.key.utf8.first == UInt8(ascii: "F")
    {
      if Intrinsic.names.contains(entry.key) {
        return try decode(
          entry.key, argument: entry.value, at: entry.keyLocation ?? location, written: entry.key)
      }
      if entry.key.hasPrefix(rainPrefix) {
        throw rainDirective(entry.key, at: entry.keyLocation ?? location)
      }
    }
    return Value(.map(map), at: location)
  }

  /// The prefix of the directives of Rain (`Rain::Embed`, `!Rain::Module`), which `rain pkg`
  /// replaces before a template reaches CloudFormation.
  static let rainPrefix = "Rain::"

  /// The error for a Rain directive: the file is a Rain source, not a template CloudFormation
  /// (or Formation) reads, until `rain pkg` has packaged it.
  static func rainDirective(_ written: String, at location: SourceLocation) -> TemplateError {
    TemplateError(
      .rainSource,
      "\(written) is a Rain directive: this is a Rain source, not a CloudFormation template; package it first with 'rain pkg' and check the packaged template",
      at: location)
  }

  /// True for an argument a macro or a function this reader does not model computes
  /// (`Fn::Sub: {Fn::Transform: ...}`, `Fn::Base64: {Fn::GetStackOutput: ...}`): CloudFormation
  /// runs those first, so the shape the outer function needs is only known after them.
  private static func isComputedElsewhere(_ argument: Value) -> Bool {
    switch argument.kind {
    case .intrinsic(.transform), .intrinsic(.transforms): return true
    case .map(let map):
      guard map.count == 1, let key = map.entries.first?.key else { return false }
      return key.hasPrefix("Fn::")
    default: return false
    }
  }

  /// `{Condition: Name}` as a condition reference, where a condition is expected (inside
  /// `Fn::And`, `Fn::Or`, `Fn::Not`, and as a definition in `Conditions`); any other value unchanged.
  static func conditionOperand(_ value: Value) -> Value {
    guard case .map(let map) = value.kind, map.count == 1, let entry = map.entries.first,
      entry.key == "Condition", let name = literal(entry.value)
    else { return value }
    return Value(.intrinsic(.condition(name)), at: value.location)
  }

  /// Decodes the function `name` applied to `argument`. `written` is how the author spelled
  /// it (`!GetAtt` or `Fn::GetAtt`), so messages quote the template.
  static func decode(
    _ name: String, argument: Value, at location: SourceLocation, written: String
  ) throws(TemplateError) -> Value {
    if isDynamicReference(name, argument) {
      return Value(.map([name: argument]), at: location)
    }
    do {
      return try decodeFunction(name, argument: argument, at: location, written: written)
    } catch {
      // A macro's output may have the shape this function needs: keep it as written.
      if isComputedElsewhere(argument) { return Value(.map([name: argument]), at: location) }
      throw error
    }
  }

  /// `decode` of a function whose argument is as written (no dynamic reference).
  private static func decodeFunction(
    _ name: String, argument: Value, at location: SourceLocation, written: String
  ) throws(TemplateError) -> Value {
    func fail(_ message: String) -> TemplateError {
      TemplateError(.intrinsicShape, "\(written) \(message)", at: location)
    }
    func list(_ count: ClosedRange<Int>, _ takes: String) throws(TemplateError) -> [Value] {
      guard case .list(let items) = argument.kind else {
        throw fail("takes a list of \(takes), not \(argument.kindDescription)")
      }
      guard count.contains(items.count) else {
        let expected =
          count.count == 1 ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
        throw fail("takes \(expected) items (\(takes)), but this list has \(items.count)")
      }
      return items
    }
    func literalName(_ value: Value, _ what: String) throws(TemplateError) -> String {
      guard let text = literal(value) else {
        throw fail("takes \(what) as a literal string, not \(value.kindDescription)")
      }
      return text
    }
    let function: Intrinsic
    switch name {
    case "Ref":
      function = .ref(try literalName(argument, "the logical id of a parameter or resource"))
    case "Condition":
      function = .condition(try literalName(argument, "the name of a condition"))
    case "Fn::GetAtt":
      function = try getAtt(argument, fail: fail)
    case "Fn::Sub":
      switch argument.kind {
      case .string(let template):
        function = .sub(Sub.reading(template))
      case .list:
        let items = try list(2...2, "a template string and a variable map")
        let template = try literalName(items[0], "its template")
        guard case .map(let variables) = items[1].kind else {
          throw fail("takes a variable map as its second item, not \(items[1].kindDescription)")
        }
        function = .sub(Sub.reading(template, variables: variables))
      default:
        throw fail(
          "takes a template string or a list of a template string and a variable map, not \(argument.kindDescription)"
        )
      }
    case "Fn::Join":
      let items = try list(2...2, "a delimiter and a list of values")
      let delimiter = try literalName(items[0], "its delimiter")
      switch items[1].kind {
      case .list, .intrinsic: break
      default:
        throw fail(
          "takes a list of values to join as its second item, not \(items[1].kindDescription)")
      }
      function = .join(delimiter: delimiter, values: items[1])
    case "Fn::Select":
      let items = try list(2...2, "an index and a list")
      function = .select(index: items[0], list: items[1])
    case "Fn::Split":
      let items = try list(2...2, "a delimiter and a source string")
      function = .split(delimiter: try literalName(items[0], "its delimiter"), source: items[1])
    case "Fn::If":
      let items = try list(3...3, "a condition name, a value if true and a value if false")
      function = .if(
        condition: try literalName(items[0], "a condition name"), then: items[1], else: items[2])
    case "Fn::Equals":
      let items = try list(2...2, "two values to compare")
      function = .equals(items[0], items[1])
    case "Fn::And":
      function = .and(try list(2...10, "conditions").map(conditionOperand))
    case "Fn::Or":
      function = .or(try list(2...10, "conditions").map(conditionOperand))
    case "Fn::Not":
      function = .not(conditionOperand(try list(1...1, "one condition")[0]))
    case "Fn::FindInMap":
      let items = try list(
        3...4, "a map name, a top-level key, a second-level key and an optional DefaultValue")
      var fallback: Value?
      if items.count == 4 {
        guard case .map(let options) = items[3].kind, options.count == 1,
          let value = options["DefaultValue"]
        else {
          throw fail(
            "takes {DefaultValue: value} as its fourth item, not \(items[3].kindDescription)")
        }
        fallback = value
      }
      function = .findInMap(
        map: items[0], topKey: items[1], secondKey: items[2], defaultValue: fallback)
    case "Fn::ImportValue":
      function = .importValue(try scalarOrFunction(argument, "the name of an export", fail: fail))
    case "Fn::GetAZs":
      function = .getAZs(try scalarOrFunction(argument, "a region name", fail: fail))
    case "Fn::Base64":
      function = .base64(try scalarOrFunction(argument, "a string", fail: fail))
    case "Fn::Cidr":
      let items = try list(3...3, "an IP block, a count and the number of subnet bits")
      function = .cidr(ipBlock: items[0], count: items[1], cidrBits: items[2])
    case "Fn::Transform":
      func call(_ value: Value) throws(TemplateError) -> MacroCall {
        guard case .map(let map) = value.kind, let macro = map["Name"] else {
          throw fail(
            "takes a mapping with the macro's Name and optional Parameters (or a list of them), not \(value.kindDescription)"
          )
        }
        if let extra = map.keys.first(where: { $0 != "Name" && $0 != "Parameters" }) {
          throw fail("takes only Name and Parameters, but has '\(extra)'")
        }
        return MacroCall(name: macro, parameters: map["Parameters"])
      }
      if case .list(let items) = argument.kind {
        guard !items.isEmpty else { throw fail("takes at least one macro call, but this list is empty") }
        var calls: [MacroCall] = []
        for item in items { calls.append(try call(item)) }
        function = .transforms(calls)
      } else {
        let single = try call(argument)
        function = .transform(name: single.name, parameters: single.parameters)
      }
    case "Fn::RefAll":
      function = .rule(.refAll, Value(.string(try literalName(argument, "a parameter type")), at: argument.location))
    case "Fn::ValueOf", "Fn::ValueOfAll", "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn":
      guard let rule = RuleFunction(rawValue: name) else { throw fail("is not a rule function") }
      _ = try list(2...2, rule == .valueOf ? "a parameter and an attribute" : rule == .valueOfAll ? "a parameter type and an attribute" : "two values")
      function = .rule(rule, argument)
    case "Fn::ToJsonString":
      switch argument.kind {
      case .map, .list, .intrinsic: function = .toJsonString(argument)
      default: throw fail("takes a mapping or a list, not \(argument.kindDescription)")
      }
    case "Fn::Length":
      switch argument.kind {
      case .list, .intrinsic: function = .length(argument)
      default: throw fail("takes a list, not \(argument.kindDescription)")
      }
    default:
      throw TemplateError(
        .unknownTag, "\(written) is not a CloudFormation intrinsic function", at: location)
    }
    return Value(.intrinsic(function), at: location)
  }

  /// A `Ref` or `Fn::GetAtt` whose names are computed by other functions
  /// (`!Ref {Fn::Sub: "Topic${Name}"}`, `!GetAtt [Topic, !Ref Attribute]`): valid under
  /// `AWS::LanguageExtensions` (inside `Fn::ForEach`), where CloudFormation resolves the names
  /// before the reference. The model's references name literals, so these stay as written, a
  /// one-key mapping, and read, write and compare unchanged.
  private static func isDynamicReference(_ name: String, _ argument: Value) -> Bool {
    switch (name, argument.kind) {
    case ("Ref", .intrinsic):
      return true
    case ("Fn::GetAtt", .list(let items)) where items.count == 2:
      return items.contains { if case .intrinsic = $0.kind { true } else { false } }
    default:
      return false
    }
  }

  /// `!GetAtt A.B.C` (the attribute may contain dots) or `Fn::GetAtt: [A, B.C]`.
  private static func getAtt(
    _ argument: Value, fail: (String) -> TemplateError
  ) throws(TemplateError) -> Intrinsic {
    switch argument.kind {
    case .string(let text):
      if let split = splitASCII(text) { return split }
      guard let dot = text.firstIndex(of: "."), dot != text.startIndex,
        text.index(after: dot) != text.endIndex
      else {
        throw fail("takes 'Resource.Attribute', but '\(text)' has no attribute after a dot")
      }
      return .getAtt(
        resource: String(text[..<dot]), attribute: String(text[text.index(after: dot)...]))
    case .list(let items):
      guard items.count == 2 else {
        throw fail(
          "takes two items, a resource's logical id and an attribute name, but this list has \(items.count)"
        )
      }
      guard let resource = literal(items[0]) else {
        throw fail(
          "takes the resource's logical id as a literal string, not \(items[0].kindDescription)")
      }
      guard let attribute = literal(items[1]) else {
        throw fail("takes the attribute name as a literal string, not \(items[1].kindDescription)")
      }
      return .getAtt(resource: resource, attribute: attribute)
    default:
      throw fail(
        "takes 'Resource.Attribute' or a list [Resource, Attribute], not \(argument.kindDescription)"
      )
    }
  }

  /// `Resource.Attribute` split at its first dot, byte by byte, when the text is ASCII (where
  /// bytes and characters coincide); `nil` for other text, which takes the character path.
  private static func splitASCII(_ text: String) -> Intrinsic? {
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }),
        let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 0, dot + 1 < bytes.count
      else { return nil }
      return .getAtt(
        resource: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<dot]), as: UTF8.self),
        attribute: String(
          decoding: UnsafeBufferPointer(rebasing: bytes[(dot + 1)...]), as: UTF8.self))
    }
  }

  private static func scalarOrFunction(
    _ argument: Value, _ what: String, fail: (String) -> TemplateError
  ) throws(TemplateError) -> Value {
    if isComputedElsewhere(argument) { return argument }
    switch argument.kind {
    case .list, .map: throw fail("takes \(what), not \(argument.kindDescription)")
    default: return argument
    }
  }

  /// The text of a name written as a scalar: strings as they are, numbers by their literal
  /// (`!Ref 123` reads the text `123` anyway).
  static func literal(_ value: Value) -> String? {
    switch value.kind {
    case .string(let text): return text
    case .number(let number): return number.literal
    default: return nil
    }
  }
}
