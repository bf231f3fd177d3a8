import Semantics
import Template

/// What the rules of one check read the template through, worked out once per check and
/// shared through its `TemplateMemo`: the resources by logical id and by type, and the one
/// resolver (with the exports of the run, for `Fn::ImportValue`) every reading uses.
///
/// Readings hold the store rather than a `Resolver`: a reading is made for every key a rule
/// follows, and one reference is what it costs to pass the resolver on.
final class CheckStore: TemplateDerivation, Sendable {
  let resolver: Resolver
  /// The exports imports resolve to (see `ExportIndex`).
  let exports: ExportIndex
  private let positions: [String: Int]
  /// Every logical id, in template order.
  private let logicalIDs: [String]
  /// The positions of the resources of each type, in template order.
  private let positionsByType: [String: [Int]]
  /// Each resource's `Properties`, where its logical id is written, and its location (the
  /// logical id's, else the resource's), by position: the rules read them for nearly every
  /// finding, from every core at once, and a lookup of the resource by name for each read
  /// cost more than the rest of the read.
  private let properties: [OrderedMap<Value>]
  private let keyLocations: [SourceLocation?]
  private let locations: [SourceLocation?]

  init(deriving memo: TemplateMemo) {
    let entries = memo.template.resources.entries
    var positions: [String: Int] = [:]
    positions.reserveCapacity(entries.count)
    var positionsByType: [String: [Int]] = [:]
    var properties: [OrderedMap<Value>] = []
    var keyLocations: [SourceLocation?] = []
    var locations: [SourceLocation?] = []
    properties.reserveCapacity(entries.count)
    keyLocations.reserveCapacity(entries.count)
    locations.reserveCapacity(entries.count)
    for (position, entry) in entries.enumerated() {
      positions[entry.key] = positions[entry.key] ?? position
      positionsByType[entry.value.type ?? "", default: []].append(position)
      properties.append(entry.value.properties)
      keyLocations.append(entry.keyLocation)
      locations.append(entry.keyLocation ?? entry.value.location)
    }
    self.positions = positions
    self.positionsByType = positionsByType
    self.properties = properties
    self.keyLocations = keyLocations
    self.locations = locations
    logicalIDs = entries.map(\.key)
    resolver = Resolver(memo.template, memo: memo.value(ResolverMemo.self))
    exports = memo.exports
  }

  /// A store for readings made outside a check: the resolver alone, no resource tables.
  init(resolver: Resolver) {
    self.resolver = resolver
    exports = ExportIndex()
    positions = [:]
    logicalIDs = []
    positionsByType = [:]
    properties = []
    keyLocations = []
    locations = []
  }

  /// The resource `logicalID` with where its logical id is written, looked up by position.
  func resource(_ logicalID: String) -> OrderedMap<Resource>.Entry? {
    positions[logicalID].map { resolver.template.resources.entries[$0] }
  }

  /// The resource's `Properties` and where it is (its logical id's location, else the
  /// resource's), without copying the resource.
  func properties(of logicalID: String) -> (
    properties: OrderedMap<Value>, location: SourceLocation?
  )? {
    positions[logicalID].map { (properties[$0], locations[$0]) }
  }

  /// The resource's location: its logical id's, else the resource's.
  func location(of logicalID: String) -> SourceLocation? {
    positions[logicalID].flatMap { locations[$0] }
  }

  /// Where the resource's logical id is written.
  func keyLocation(of logicalID: String) -> SourceLocation? {
    positions[logicalID].flatMap { keyLocations[$0] }
  }

  /// Whether the template declares a resource of `type`.
  func declares(_ type: String) -> Bool { positionsByType[type] != nil }

  /// The types the template declares (`""` for a resource without one), in no order.
  var types: Dictionary<String, [Int]>.Keys { positionsByType.keys }

  /// The logical ids of the resources whose type is one of `types` (a resource without a type
  /// counts as type `""`), every resource when `types` is empty; in template order.
  func logicalIDs(ofTypes types: [String]) -> [String] {
    if types.isEmpty { return logicalIDs }
    return positions(ofTypes: types).map { logicalIDs[$0] }
  }

  /// The positions in the template's resources of those whose type is one of `types` (see
  /// `logicalIDs(ofTypes:)`), in template order.
  func positions(ofTypes types: [String]) -> [Int] {
    if types.isEmpty { return Array(logicalIDs.indices) }
    // Most rules judge one type: its positions are already in order.
    if types.count == 1 { return positionsByType[types[0]] ?? [] }
    // The template's few types are walked, each once (so no resource is listed twice), rather
    // than a rule's list: the stateful rules list forty types, and a set made of them cost more
    // than the walk.
    var found: [Int] = []
    for (type, positions) in positionsByType where types.contains(type) { found += positions }
    found.sort()
    return found
  }
}
