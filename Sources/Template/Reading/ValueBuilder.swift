/// Builds a `Value` tree bottom-up from a stream of "open / key / scalar / close" steps.
///
/// Both readers (YAML events from libyaml, JSON tokens) drive this one builder, so both
/// formats reject duplicate keys, bound nesting and decode intrinsic functions identically.
/// The builder keeps its own stack of open collections instead of recursing: no input,
/// however deep, can overflow the call stack.
struct ValueBuilder {
  /// A collection that has been opened and not yet closed.
  struct Frame {
    var isMapping: Bool
    var location: SourceLocation
    /// The long-form function name of a short-form tag (`!If` → `Fn::If`) to apply on close.
    var function: String?
    /// The tag as written, for messages.
    var tag: String?
    /// The YAML anchor to register the finished value under.
    var anchor: String?
    /// Where this collection's items (or entries) start on the builder's scratch stack.
    var start: Int
    /// Positions of the keys (relative to `start`), built only once a mapping grows past
    /// `linearScanLimit`; keys are checked for duplicates as they arrive.
    var keyIndex: [String: Int]? = nil
    var pendingKey: String?
    var pendingKeyLocation: SourceLocation?
    /// Nodes in this collection, itself included: what an alias to it would expand to.
    var nodeCount = 1
    /// Levels of collections from this one down, itself included: what an alias to it adds
    /// to the depth where the alias is used.
    var height = 1
  }

  let maxDepth: Int
  private var frames: [Frame] = []
  /// The items of every open list, innermost last.
  private let items = ScratchStack<Value>()
  /// The entries of every open mapping, innermost last.
  private let entries = ScratchStack<OrderedMap<Value>.Entry>()
  private(set) var root: Value?

  init(maxDepth: Int) {
    self.maxDepth = maxDepth
    frames.reserveCapacity(32)
  }

  /// True when the next scalar is a mapping key rather than a value.
  var expectsKey: Bool {
    let last = frames.count - 1
    return last >= 0 && frames[last].isMapping && frames[last].pendingKey == nil
  }

  var depth: Int { frames.count }
  /// Mappings up to this size are searched linearly: most mappings of a template are small,
  /// and comparing a few short keys is cheaper than hashing.
  private static let linearScanLimit = 8

  var isInMapping: Bool { frames.isEmpty ? false : frames[frames.count - 1].isMapping }
  /// Where the innermost open collection starts, for "never closed" messages.
  var innermostLocation: SourceLocation? {
    frames.isEmpty ? nil : frames[frames.count - 1].location
  }

  mutating func open(
    mapping: Bool, at location: SourceLocation, function: String? = nil, tag: String? = nil,
    anchor: String? = nil
  ) throws(TemplateError) {
    guard frames.count < maxDepth else {
      throw TemplateError(
        .tooDeep,
        "the document nests deeper than \(maxDepth) levels; no CloudFormation template needs that many",
        at: location)
    }
    frames.append(
      Frame(
        isMapping: mapping, location: location, function: function, tag: tag, anchor: anchor,
        start: mapping ? entries.count : items.count))
  }

  /// Records the key of the next mapping entry; a key already in the mapping is an error,
  /// never "last one wins", because a silently dropped `Properties:` is a real outage.
  mutating func key(_ key: String, at location: SourceLocation) throws(TemplateError) {
    let last = frames.count - 1
    guard last >= 0 else { return }
    if let position = position(of: key, in: last) {
      let firstLine = entries.read(position, \.keyLocation).map { " at line \($0.line)" } ?? ""
      throw TemplateError(
        .duplicateKey,
        "duplicate key '\(key)': it is already defined\(firstLine) in the same mapping; remove or rename one of them",
        at: location)
    }
    frames[last].pendingKey = key
    frames[last].pendingKeyLocation = location
  }

  /// The scratch position of `key` among the entries of frame `frame`; builds the frame's key
  /// index when the mapping grows large.
  private mutating func position(of key: String, in frame: Int) -> Int? {
    let start = frames[frame].start
    if frames[frame].keyIndex == nil {
      guard entries.count - start >= Self.linearScanLimit else {
        for position in start..<entries.count where entries.read(position, { $0.key == key }) {
          return position
        }
        return nil
      }
      var index = [String: Int](minimumCapacity: (entries.count - start) * 2)
      for position in start..<entries.count {
        index[entries.read(position, \.key)] = position - start
      }
      frames[frame].keyIndex = index
    }
    return frames[frame].keyIndex?[key].map { $0 + start }
  }

  /// Adds a finished value to the innermost open collection (or makes it the root).
  mutating func add(_ value: Value, nodes: Int = 1, height: Int = 0) {
    let last = frames.count - 1
    guard last >= 0 else {
      root = value
      return
    }
    frames[last].nodeCount += nodes
    if height + 1 > frames[last].height { frames[last].height = height + 1 }
    if frames[last].isMapping {
      guard let key = frames[last].pendingKey else { return }
      let position = entries.count - frames[last].start
      frames[last].keyIndex?[key] = position
      entries.push(.init(key: key, keyLocation: frames[last].pendingKeyLocation, value: value))
      frames[last].pendingKey = nil
      frames[last].pendingKeyLocation = nil
    } else {
      items.push(value)
    }
  }

  /// Closes the innermost collection, decodes it (long-form function, short-form tag) and adds it
  /// to its parent. Returns the value with its node count when it carries a YAML anchor, for
  /// the alias table.
  @discardableResult
  mutating func close() throws(TemplateError) -> (
    value: Value, nodes: Int, height: Int, anchor: String
  )? {
    guard let frame = frames.popLast() else { return nil }
    var value: Value
    if frame.isMapping {
      let map = OrderedMap(
        checkedEntries: entries.popArray(from: frame.start), index: frame.keyIndex)
      value = try IntrinsicDecoding.decodeMapping(map, at: frame.location)
    } else {
      value = Value(.list(items.popArray(from: frame.start)), at: frame.location)
    }
    if let function = frame.function {
      value = try IntrinsicDecoding.decode(
        function, argument: value, at: frame.location, written: frame.tag ?? function)
    }
    guard let anchor = frame.anchor else {
      add(value, nodes: frame.nodeCount, height: frame.height)
      return nil
    }
    add(value, nodes: frame.nodeCount, height: frame.height)
    return (value, frame.nodeCount, frame.height, anchor)
  }
}
