/// A mapping that keeps its keys in insertion order, as YAML and JSON documents do.
///
/// CloudFormation templates are read and written in order (a rendered template must be
/// byte-identical run to run), so every mapping in the model is ordered. Each key keeps
/// the location where it was written, because "duplicate key" and "unknown property"
/// point at the key, not at its value.
///
/// Equality compares keys, values and order, never locations.
///
/// Its members are `@inlinable`: every module reads the model through this generic type, and
/// only code the compiler can see is specialised for `Value` or `Resource` where it is used.
public struct OrderedMap<Element>: Sendable where Element: Sendable {
  public struct Entry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation?
    public var value: Element

    @inlinable
    public init(key: String, keyLocation: SourceLocation? = nil, value: Element) {
      self.key = key
      self.keyLocation = keyLocation
      self.value = value
    }
  }

  /// The entries in order.
  @inlinable public var entries: [Entry] { storage }
  @usableFromInline var storage: [Entry] = []
  /// Positions by key, kept only while the map has more than `indexThreshold` entries: most
  /// mappings of a template are small, and a linear scan over a few keys is faster than
  /// hashing and saves a dictionary per mapping (reading and memory both pay for it).
  @usableFromInline var index: [String: Int] = [:]
  @inlinable static var indexThreshold: Int { 8 }

  @inlinable public init() {}

  /// Builds a map from entries; a repeated key keeps its first position and last value.
  /// Readers reject duplicates before they get here.
  @inlinable public init(_ entries: [Entry]) {
    for entry in entries { insert(entry) }
  }

  /// Builds a map from entries whose keys are known to be distinct (a reader has checked
  /// them), reusing a key index when the caller has one: each key is hashed at most once.
  /// Falls back to `init(_:)` if a key repeats after all.
  @inlinable
  init(checkedEntries entries: [Entry], index knownIndex: [String: Int]? = nil) {
    self.init()
    guard entries.count > Self.indexThreshold else {
      storage = entries
      return
    }
    if let knownIndex, knownIndex.count == entries.count {
      storage = entries
      self.index = knownIndex
      return
    }
    var index = [String: Int](minimumCapacity: entries.count)
    for (position, entry) in entries.enumerated()
    where index.updateValue(position, forKey: entry.key) != nil {
      for entry in entries { insert(entry) }
      return
    }
    storage = entries
    self.index = index
  }

  @inlinable public init(_ pairs: KeyValuePairs<String, Element>) {
    for (key, value) in pairs { self[key] = value }
  }

  @inlinable public var keys: [String] { storage.map(\.key) }
  @inlinable public var values: [Element] { storage.map(\.value) }
  @inlinable public var count: Int { storage.count }
  @inlinable public var isEmpty: Bool { storage.isEmpty }

  @inlinable public func contains(_ key: String) -> Bool { position(of: key) != nil }

  @inlinable public func entry(_ key: String) -> Entry? {
    position(of: key).map { storage[$0] }
  }

  @inlinable public subscript(key: String) -> Element? {
    get {
      guard let position = position(of: key) else { return nil }
      return storage[position].value
    }
    set {
      if let newValue {
        insert(Entry(key: key, value: newValue))
      } else if let position = position(of: key) {
        storage.remove(at: position)
        if storage.count > Self.indexThreshold {
          index.removeValue(forKey: key)
          for i in position..<storage.count { index[storage[i].key] = i }
        } else {
          index = [:]
        }
      }
    }
  }

  /// Adds an entry at the end, or replaces the value (and location) of an existing key in place.
  @inlinable public mutating func insert(_ entry: Entry) {
    if let position = position(of: entry.key) {
      storage[position] = entry
      return
    }
    storage.append(entry)
    guard storage.count > Self.indexThreshold else { return }
    if index.isEmpty {
      index.reserveCapacity(storage.count * 2)
      for (position, entry) in storage.enumerated() { index[entry.key] = position }
    } else {
      index[entry.key] = storage.count - 1
    }
  }

  @inlinable public func mapValues<T>(_ transform: (Element) throws -> T) rethrows -> OrderedMap<T> {
    var result: [OrderedMap<T>.Entry] = []
    result.reserveCapacity(storage.count)
    for entry in storage {
      result.append(
        .init(key: entry.key, keyLocation: entry.keyLocation, value: try transform(entry.value)))
    }
    return OrderedMap<T>(checkedEntries: result, index: index.isEmpty ? nil : index)
  }

  /// Like `mapValues`, with the whole entry (key and location) given to `transform`.
  func mapEntries<T, Failure: Error>(_ transform: (Entry) throws(Failure) -> T) throws(Failure)
    -> OrderedMap<T>
  {
    var result: [OrderedMap<T>.Entry] = []
    result.reserveCapacity(entries.count)
    for entry in entries {
      result.append(
        .init(key: entry.key, keyLocation: entry.keyLocation, value: try transform(entry)))
    }
    return OrderedMap<T>(checkedEntries: result, index: index.isEmpty ? nil : index)
  }

  /// What `read` takes from the element for `key`, read in place: `resources.reading(id) {
  /// $0.properties }` copies the properties alone, where `resources[id]?.properties` would copy
  /// the resource first (one more retain and release, on values every core of a check reads:
  /// `Template.property` runs for nearly every reading).
  @inlinable public func reading<Part>(_ key: String, _ read: (Element) -> Part) -> Part? {
    guard let position = position(of: key) else { return nil }
    return read(storage[position].value)
  }

  /// The position of `key`: a linear scan for small maps, the index for large ones.
  @inlinable func position(of key: String) -> Int? {
    if storage.count > Self.indexThreshold { return index[key] }
    for position in storage.indices where storage[position].key == key { return position }
    return nil
  }
}

extension OrderedMap: Sequence {
  @inlinable public func makeIterator() -> IndexingIterator<[Entry]> { storage.makeIterator() }
}

extension OrderedMap: Equatable where Element: Equatable {
  @inlinable public static func == (lhs: OrderedMap, rhs: OrderedMap) -> Bool {
    lhs.storage.count == rhs.storage.count
      && zip(lhs.storage, rhs.storage).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}

extension OrderedMap: Hashable where Element: Hashable {
  @inlinable public func hash(into hasher: inout Hasher) {
    hasher.combine(storage.count)
    for entry in storage {
      hasher.combine(entry.key)
      hasher.combine(entry.value)
    }
  }
}

extension OrderedMap: ExpressibleByDictionaryLiteral {
  @inlinable public init(dictionaryLiteral elements: (String, Element)...) {
    for (key, value) in elements { self[key] = value }
  }
}
