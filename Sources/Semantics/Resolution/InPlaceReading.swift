import Template

/// Reading a template's resources and small mappings where they are stored.
///
/// `OrderedMap` lives in another module and is generic: each call through its subscript or
/// `entry(_:)` runs unspecialised code that copies the whole element (a `Resource` is some
/// fifteen references, each retained and released), and iterating `entries` with `for in`
/// copies every entry it passes. On a 5,000-resource template the checker makes such copies
/// millions of times, so the hot paths read through these helpers, which borrow the storage
/// instead and copy only the field they return.
extension Template {
  /// Calls `body` with each resource's logical id and resource, in template order, without
  /// copying the resources.
  package func forEachResource(_ body: (_ logicalID: String, _ resource: Resource) throws -> Void)
    rethrows
  {
    try resources.entries.withUnsafeBufferPointer { buffer in
      for position in buffer.indices {
        try body(buffer[position].key, buffer[position].value)
      }
    }
  }

  /// The logical ids of the resources of `type`, in template order.
  package func logicalIDs(ofType type: String) -> [String] {
    resources.entries.withUnsafeBufferPointer { buffer in
      var ids: [String] = []
      for position in buffer.indices where buffer[position].value.type == type {
        ids.append(buffer[position].key)
      }
      return ids
    }
  }

  /// The logical ids of the resources whose type is one of `types` (every resource when
  /// `types` is empty), in template order.
  package func logicalIDs(ofTypes types: [String]) -> [String] {
    resources.entries.withUnsafeBufferPointer { buffer in
      var ids: [String] = []
      for position in buffer.indices {
        guard types.isEmpty || types.contains(buffer[position].value.type ?? "") else { continue }
        ids.append(buffer[position].key)
      }
      return ids
    }
  }
}

extension OrderedMap where Element == Value {
  /// The value under `key`, like the subscript, read in place: a scan of the entries for the
  /// small mappings property values are, the map's own index for large ones.
  package func member(_ key: String) -> Value? {
    let entries = self.entries
    guard entries.count <= 8 else { return self[key] }
    // Keys of another length are passed over on the length the string holds inline, without
    // reaching the key's storage.
    let length = key.utf8.count
    return entries.withUnsafeBufferPointer { buffer in
      for position in buffer.indices
      where buffer[position].key.utf8.count == length && buffer[position].key == key {
        return buffer[position].value
      }
      return nil
    }
  }
}

/// What the rules of a check read resources with, worked out once per check and shared through
/// `TemplateMemo`: each resource's position in `template.resources.entries` by logical id, and
/// one resolver in a box that readings share.
///
/// Rules read a resource by logical id for nearly every finding and property. With the
/// position they read it in place (`entries.withUnsafeBufferPointer`) instead of through
/// `OrderedMap`'s generic lookup, which copies the whole resource; with the shared resolver a
/// reading does not copy the template (some twenty references) for every key it follows.
package final class ResourceReading: TemplateDerivation, Sendable {
  private let positions: [String: Int]
  /// Every logical id, in template order.
  private let logicalIDs: [String]
  /// The positions of the resources of each type, in template order.
  private let positionsByType: [String: [Int]]
  /// A resolver of the template with the check's `ResolverMemo`, what `RuleContext.resolver`
  /// makes on every call.
  package let resolver: ResolverBox

  package init(deriving memo: TemplateMemo) {
    var positions: [String: Int] = [:]
    positions.reserveCapacity(memo.template.resources.count)
    var logicalIDs: [String] = []
    logicalIDs.reserveCapacity(memo.template.resources.count)
    var positionsByType: [String: [Int]] = [:]
    var position = 0
    memo.template.forEachResource { logicalID, resource in
      // The first entry of a key wins, as `OrderedMap` keeps keys unique anyway.
      if positions[logicalID] == nil { positions[logicalID] = position }
      logicalIDs.append(logicalID)
      positionsByType[resource.type ?? "", default: []].append(position)
      position += 1
    }
    self.positions = positions
    self.logicalIDs = logicalIDs
    self.positionsByType = positionsByType
    resolver = ResolverBox(
      Resolver(memo.template, memo: memo.value(ResolverMemo.self)), exports: memo.exports)
  }

  package func position(of logicalID: String) -> Int? { positions[logicalID] }

  /// The logical ids of the resources whose type is one of `types` (a resource without a type
  /// counts as type `""`), every resource when `types` is empty; in template order.
  package func logicalIDs(ofTypes types: [String]) -> [String] {
    if types.isEmpty { return logicalIDs }
    var found: [Int] = []
    for type in Set(types) { found += positionsByType[type] ?? [] }
    if types.count > 1 { found.sort() }
    return found.map { logicalIDs[$0] }
  }
}

/// A resolver behind one reference, for values that many readings share.
package final class ResolverBox: Sendable {
  package let resolver: Resolver
  /// The exports imports resolve to (see `ExportIndex`).
  package let exports: ExportIndex
  package init(_ resolver: Resolver, exports: ExportIndex = ExportIndex()) {
    self.resolver = resolver
    self.exports = exports
  }
}
