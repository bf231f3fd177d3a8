/// One resource type's schema: what its properties may be, what `Fn::GetAtt` may read, and
/// which properties CloudFormation sets itself.
public struct ResourceSchema: Sendable {
  /// The nodes of the schema; the first is the resource's `Properties`. Nodes refer to each
  /// other by position, so a definition that contains itself stays finite.
  public var nodes: [SchemaNode]
  /// The attributes `Fn::GetAtt` accepts; an entry ending in `.*` accepts any name after its
  /// prefix (`Outputs..*` on a nested stack: `Outputs.` and any name), `.*` any attribute.
  public var attributes: [String]
  /// Properties CloudFormation sets (`Arn`, `QueueUrl`), as dotted paths.
  public var readOnly: [String]

  public var properties: SchemaNode { nodes[0] }

  /// Whether `Fn::GetAtt` may read `attribute`.
  public func hasAttribute(_ attribute: String) -> Bool {
    attributes.contains { known in
      known == attribute
        || known == ".*"
        || known.hasSuffix(".*") && attribute.count > known.count - 2
          && attribute.hasPrefix(known.dropLast(2))
    }
  }

  init?(json: SchemaJSON) {
    guard let nodes = json["n"]?.array, !nodes.isEmpty else { return nil }
    self.nodes = nodes.map(SchemaNode.init(json:))
    attributes = json["a"]?.strings ?? []
    readOnly = json["r"]?.strings ?? []
  }
}

/// What one value may be: its JSON types, properties, and the bounds on its content.
///
/// A class: the validation walk visits a node for every value of every resource, and sharing
/// the node costs one reference count where copying its fields costs one per array.
public final class SchemaNode: Sendable {
  public let types: JSONTypes
  /// Property name to node, in the schema's order.
  public let properties: [String: Int]
  public let propertyNames: [String]
  /// No property other than `properties` (and `patternProperties`) is allowed.
  public let isClosed: Bool
  public let patternProperties: [(pattern: String, node: Int)]
  /// The node every other property's value must match (a map of names to values).
  public let additionalProperties: Int?
  public let items: Int?
  public let allowedValues: [String]?
  public let allowedValuesIgnoreCase: Bool
  public let pattern: String?
  public let minimum: Double?
  public let maximum: Double?
  public let length: Bounds
  public let itemCount: Bounds
  public let required: [String]
  /// Property to the properties it requires when present.
  public let dependentRequired: [(property: String, requires: [String])]
  /// Property to the properties that may not be set with it.
  public let dependentExcluded: [(property: String, excludes: [String])]
  /// The list's elements must differ from each other.
  public let uniqueItems: Bool
  public let groups: [RequirementGroup]

  init(json: SchemaJSON) {
    types = JSONTypes(letters: json["t"]?.string ?? "")
    let properties = json["p"]?.members ?? []
    var table: [String: Int] = [:]
    for (name, node) in properties { table[name] = node.int }
    self.properties = table
    propertyNames = properties.map(\.key).sorted()
    isClosed = json["c"] != nil
    patternProperties = (json["pp"]?.array ?? []).compactMap { pair in
      guard let pair = pair.array, pair.count == 2, let pattern = pair[0].string,
        let node = pair[1].int
      else { return nil }
      return (pattern, node)
    }
    additionalProperties = json["ap"]?.int
    items = json["i"]?.int
    allowedValues = json["e"]?.strings
    allowedValuesIgnoreCase = json["ec"] != nil
    pattern = json["pt"]?.string
    minimum = json["mn"]?.double
    maximum = json["mx"]?.double
    length = Bounds(json["l"])
    itemCount = Bounds(json["k"])
    required = json["rq"]?.strings ?? []
    dependentRequired = Self.lists(json["dr"]).map { ($0.key, $0.value) }
    dependentExcluded = Self.lists(json["dx"]).map { ($0.key, $0.value) }
    uniqueItems = json["u"] != nil
    groups = (json["g"]?.array ?? []).compactMap(RequirementGroup.init(json:))
  }

  /// An object of string lists (`{"A": ["B", "C"]}`), sorted by key.
  static func lists(_ json: SchemaJSON?) -> [(key: String, value: [String])] {
    (json?.members ?? []).compactMap { member in member.value.strings.map { (member.key, $0) } }
      .sorted { $0.key < $1.key }
  }
}

/// The JSON types a value may have.
public struct JSONTypes: OptionSet, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let string = JSONTypes(rawValue: 1)
  public static let integer = JSONTypes(rawValue: 2)
  public static let number = JSONTypes(rawValue: 4)
  public static let boolean = JSONTypes(rawValue: 8)
  public static let object = JSONTypes(rawValue: 16)
  public static let array = JSONTypes(rawValue: 32)

  init(letters: String) {
    var types: JSONTypes = []
    for letter in letters {
      switch letter {
      case "s": types.insert(.string)
      case "i": types.insert(.integer)
      case "n": types.insert(.number)
      case "b": types.insert(.boolean)
      case "o": types.insert(.object)
      case "a": types.insert(.array)
      default: break
      }
    }
    self = types
  }

  /// `string`, `integer or number`: as a message names them.
  public var description: String {
    let names: [(JSONTypes, String)] = [
      (.object, "object"), (.array, "array"), (.string, "string"), (.integer, "integer"),
      (.number, "number"), (.boolean, "boolean"),
    ]
    return names.filter { contains($0.0) }.map(\.1).joined(separator: " or ")
  }
}

/// A lower and an upper bound, either of which may be absent.
public struct Bounds: Sendable {
  public var lower: Int?
  public var upper: Int?

  init(_ json: SchemaJSON?) {
    let pair = json?.array ?? []
    lower = pair.count == 2 ? pair[0].int : nil
    upper = pair.count == 2 ? pair[1].int : nil
  }

  public func admits(_ count: Int) -> Bool {
    (lower.map { count >= $0 } ?? true) && (upper.map { count <= $0 } ?? true)
  }

  public var description: String {
    switch (lower, upper) {
    case (let lower?, let upper?): return lower == upper ? "exactly \(lower)" : "\(lower) to \(upper)"
    case (let lower?, nil): return "at least \(lower)"
    case (nil, let upper?): return "at most \(upper)"
    case (nil, nil): return "any number"
    }
  }
}

/// Properties that must be set together in one of several ways (`oneOf`, `anyOf`, `requiredXor`).
public struct RequirementGroup: Sendable {
  public enum Kind: String, Sendable {
    /// Exactly one of the options is met.
    case one
    /// At least one of the options is met.
    case any
  }

  public var kind: Kind
  /// Each option lists the properties it requires.
  public var options: [[String]]

  init?(json: SchemaJSON) {
    guard let pair = json.array, pair.count == 2,
      let kind = pair[0].string.flatMap(Kind.init(rawValue:)),
      let options = pair[1].array?.compactMap(\.strings), options.count == pair[1].array?.count
    else { return nil }
    self.kind = kind
    self.options = options
  }
}
