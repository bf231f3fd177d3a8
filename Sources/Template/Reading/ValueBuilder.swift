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
    var items: [Value] = []
    var map = OrderedMap<Value>()
    var pendingKey: String?
    var pendingKeyLocation: SourceLocation?
    /// Nodes in this collection, itself included: what an alias to it would expand to.
    var nodeCount = 1
  }

  let maxDepth: Int
  private var frames: [Frame] = []
  private(set) var root: Value?

  init(maxDepth: Int) {
    self.maxDepth = maxDepth
    frames.reserveCapacity(32)
  }

  /// True when the next scalar is a mapping key rather than a value.
  var expectsKey: Bool {
    guard let last = frames.last else { return false }
    return last.isMapping && last.pendingKey == nil
  }

  var depth: Int { frames.count }
  var isInMapping: Bool { frames.last?.isMapping ?? false }
  /// Where the innermost open collection starts, for "never closed" messages.
  var innermostLocation: SourceLocation? { frames.last?.location }

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
      Frame(isMapping: mapping, location: location, function: function, tag: tag, anchor: anchor))
  }

  /// Records the key of the next mapping entry; a key already in the mapping is an error,
  /// never "last one wins", because a silently dropped `Properties:` is a real outage.
  mutating func key(_ key: String, at location: SourceLocation) throws(TemplateError) {
    let last = frames.count - 1
    guard last >= 0 else { return }
    if let first = frames[last].map.entry(key) {
      let firstLine = first.keyLocation.map { " at line \($0.line)" } ?? ""
      throw TemplateError(
        .duplicateKey,
        "duplicate key '\(key)': it is already defined\(firstLine) in the same mapping; remove or rename one of them",
        at: location)
    }
    frames[last].pendingKey = key
    frames[last].pendingKeyLocation = location
  }

  /// Adds a finished value to the innermost open collection (or makes it the root).
  mutating func add(_ value: Value, nodes: Int = 1) {
    let last = frames.count - 1
    guard last >= 0 else {
      root = value
      return
    }
    frames[last].nodeCount += nodes
    if frames[last].isMapping {
      guard let key = frames[last].pendingKey else { return }
      frames[last].map.insert(
        .init(key: key, keyLocation: frames[last].pendingKeyLocation, value: value))
      frames[last].pendingKey = nil
      frames[last].pendingKeyLocation = nil
    } else {
      frames[last].items.append(value)
    }
  }

  /// Closes the innermost collection, decodes it (long-form function, short-form tag) and adds it
  /// to its parent. Returns the value with its node count and anchor for the YAML alias table.
  @discardableResult
  mutating func close() throws(TemplateError) -> (value: Value, nodes: Int, anchor: String?)? {
    guard let frame = frames.popLast() else { return nil }
    var value: Value
    if frame.isMapping {
      value = try IntrinsicDecoding.decodeMapping(frame.map, at: frame.location)
    } else {
      value = Value(.list(frame.items), at: frame.location)
    }
    if let function = frame.function {
      value = try IntrinsicDecoding.decode(
        function, argument: value, at: frame.location, written: frame.tag ?? function)
    }
    add(value, nodes: frame.nodeCount)
    return (value, frame.nodeCount, frame.anchor)
  }
}
