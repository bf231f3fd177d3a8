/// A mapping that keeps its keys in insertion order, as YAML and JSON documents do.
///
/// CloudFormation templates are read and written in order (a rendered template must be
/// byte-identical run to run), so every mapping in the model is ordered. Each key keeps
/// the location where it was written, because "duplicate key" and "unknown property"
/// point at the key, not at its value.
///
/// Equality compares keys, values and order, never locations.
public struct OrderedMap<Element>: Sendable where Element: Sendable {
  public struct Entry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation?
    public var value: Element

    public init(key: String, keyLocation: SourceLocation? = nil, value: Element) {
      self.key = key
      self.keyLocation = keyLocation
      self.value = value
    }
  }

  public private(set) var entries: [Entry] = []
  /// Positions by key, kept only while the map has more than `indexThreshold` entries: most
  /// mappings of a template are small, and a linear scan over a few keys is faster than
  /// hashing and saves a dictionary per mapping (reading and memory both pay for it).
  private var index: [String: Int] = [:]
  private static var indexThreshold: Int { 8 }

  public init() {}

  /// Builds a map from entries; a repeated key keeps its first position and last value.
  /// Readers reject duplicates before they get here.
  public init(_ entries: [Entry]) {
    for entry in entries { insert(entry) }
  }

  /// Builds a map from entries whose keys are known to be distinct (a reader has checked
  /// them), reusing a key index when the caller has one: each key is hashed at most once.
  /// Falls back to `init(_:)` if a key repeats after all.
  init(checkedEntries entries: [Entry], index knownIndex: [String: Int]? = nil) {
    self.init()
    guard entries.count > Self.indexThreshold else {
      self.entries = entries
      return
    }
    if let knownIndex, knownIndex.count == entries.count {
      self.entries = entries
      self.index = knownIndex
      return
    }
    var index = [String: Int](minimumCapacity: entries.count)
    for (position, entry) in entries.enumerated()
    where index.updateValue(position, forKey: entry.key) != nil {
      for entry in entries { insert(entry) }
      return
    }
    self.entries = entries
    self.index = index
  }

  public init(_ pairs: KeyValuePairs<String, Element>) {
    for (key, value) in pairs { self[key] = value }
  }

  public var keys: [String] { entries.map(\.key) }
  public var values: [Element] { entries.map(\.value) }
  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }

  public func contains(_ key: String) -> Bool { position(of: key) != nil }

  public func entry(_ key: String) -> Entry? {
    position(of: key).map { entries[$0] }
  }

  public subscript(key: String) -> Element? {
    get {
      guard let position = position(of: key) else { return nil }
      // Copies only the value; indexing the array here copies the whole entry (see `position`).
      return entries.withUnsafeBufferPointer { $0[position].value }
    }
    set {
      if let newValue {
        insert(Entry(key: key, value: newValue))
      } else if let position = position(of: key) {
        entries.remove(at: position)
        if entries.count > Self.indexThreshold {
          index.removeValue(forKey: key)
          for i in position..<entries.count { index[entries[i].key] = i }
        } else {
          index = [:]
        }
      }
    }
  }

  /// Adds an entry at the end, or replaces the value (and location) of an existing key in place.
  public mutating func insert(_ entry: Entry) {
    if let position = position(of: entry.key) {
      entries[position] = entry
      return
    }
    entries.append(entry)
    guard entries.count > Self.indexThreshold else { return }
    if index.isEmpty {
      index.reserveCapacity(entries.count * 2)
      for (position, entry) in entries.enumerated() { index[entry.key] = position }
    } else {
      index[entry.key] = entries.count - 1
    }
  }

  public func mapValues<T>(_ transform: (Element) throws -> T) rethrows -> OrderedMap<T> {
    var result: [OrderedMap<T>.Entry] = []
    result.reserveCapacity(entries.count)
    for entry in entries {
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

  /// The position of `key`: a linear scan for small maps, the index for large ones.
  private func position(of key: String) -> Int? {
    if entries.count > Self.indexThreshold { return index[key] }
    // Through the buffer, the scan reads each key in place; indexing the array from
    // unspecialised generic code copies every entry (key, location and value) it passes.
    return entries.withUnsafeBufferPointer { buffer in
      for position in buffer.indices where buffer[position].key == key { return position }
      return nil
    }
  }
}

extension OrderedMap: Sequence {
  public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}

extension OrderedMap: Equatable where Element: Equatable {
  public static func == (lhs: OrderedMap, rhs: OrderedMap) -> Bool {
    lhs.entries.count == rhs.entries.count
      && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}

extension OrderedMap: Hashable where Element: Hashable {
  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries.count)
    for entry in entries {
      hasher.combine(entry.key)
      hasher.combine(entry.value)
    }
  }
}

extension OrderedMap: ExpressibleByDictionaryLiteral {
  public init(dictionaryLiteral elements: (String, Element)...) {
    for (key, value) in elements { self[key] = value }
  }
}
