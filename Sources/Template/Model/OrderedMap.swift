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
  private var index: [String: Int] = [:]

  public init() {}

  /// Builds a map from entries; a repeated key keeps its first position and last value.
  /// Readers reject duplicates before they get here.
  public init(_ entries: [Entry]) {
    for entry in entries { insert(entry) }
  }

  public init(_ pairs: KeyValuePairs<String, Element>) {
    for (key, value) in pairs { self[key] = value }
  }

  public var keys: [String] { entries.map(\.key) }
  public var values: [Element] { entries.map(\.value) }
  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }

  public func contains(_ key: String) -> Bool { index[key] != nil }

  public func entry(_ key: String) -> Entry? {
    index[key].map { entries[$0] }
  }

  public subscript(key: String) -> Element? {
    get { index[key].map { entries[$0].value } }
    set {
      if let newValue {
        insert(Entry(key: key, value: newValue))
      } else if let position = index.removeValue(forKey: key) {
        entries.remove(at: position)
        for i in position..<entries.count { index[entries[i].key] = i }
      }
    }
  }

  /// Adds an entry at the end, or replaces the value (and location) of an existing key in place.
  public mutating func insert(_ entry: Entry) {
    if let position = index[entry.key] {
      entries[position] = entry
    } else {
      index[entry.key] = entries.count
      entries.append(entry)
    }
  }

  public func mapValues<T>(_ transform: (Element) throws -> T) rethrows -> OrderedMap<T> {
    var result = OrderedMap<T>()
    for entry in entries {
      result.insert(.init(key: entry.key, keyLocation: entry.keyLocation, value: try transform(entry.value)))
    }
    return result
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
