/// Builds a `Value` tree bottom-up from a stream of "open / key / scalar / close" steps.
///
/// Both readers (YAML events from libyaml, JSON tokens) drive this one builder, so both
/// formats reject duplicate keys, bound nesting and decode intrinsic functions identically.
/// The builder keeps its own stack of open collections instead of recursing: no input,
/// however deep, can overflow the call stack.
///
/// It runs once per node of every template read, so the innermost open collection lives in
/// `current`, outside the stack: adding a value touches plain stored properties, and the
/// stack array changes only when a collection opens or closes.
struct ValueBuilder {
  /// A collection that has been opened and not yet closed.
  struct Frame {
    enum Kind { case document, list, mapping }

    var kind: Kind
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
    /// A key has been pushed as the last entry, and its value has not arrived yet.
    var awaitingValue = false
    /// `ValueBuilder.nodes` when this collection opened: the nodes added since, plus itself,
    /// are what an alias to it would expand to.
    var nodesAtOpen: Int
    /// Levels of collections from this one down, itself included: what an alias to it adds
    /// to the depth where the alias is used.
    var height = 1
  }

  let maxDepth: Int
  /// The innermost open collection; a `document` frame when none is open.
  private var current: Frame
  /// The open collections around `current`, outermost first.
  private var enclosing: [Frame] = []
  /// The items of every open list, innermost last.
  private let items = ScratchStack<Value>()
  /// The entries of every open mapping, innermost last. A key is pushed with a null
  /// placeholder value, replaced when the value arrives.
  private let entries = ScratchStack<OrderedMap<Value>.Entry>()
  /// Nodes added so far, aliases counted by what they expand to.
  private var nodes = 0
  private(set) var root: Value?

  init(maxDepth: Int) {
    self.maxDepth = maxDepth
    current = Frame(
      kind: .document, location: SourceLocation.nowhere, start: 0, nodesAtOpen: 0, height: 0)
    enclosing.reserveCapacity(32)
  }

  /// True when the next scalar is a mapping key rather than a value.
  var expectsKey: Bool { current.kind == .mapping && !current.awaitingValue }

  /// Open collections.
  var depth: Int { enclosing.count }
  /// Mappings up to this size are searched linearly: most mappings of a template are small,
  /// and comparing a few short keys is cheaper than hashing.
  private static let linearScanLimit = 8

  var isInMapping: Bool { current.kind == .mapping }
  /// Where the innermost open collection starts, for "never closed" messages.
  var innermostLocation: SourceLocation? {
    current.kind == .document ? nil : current.location
  }

  mutating func open(
    mapping: Bool, at location: SourceLocation, function: String? = nil, tag: String? = nil,
    anchor: String? = nil
  ) throws(TemplateError) {
    guard enclosing.count < maxDepth else {
      throw TemplateError(
        .tooDeep,
        "the document nests deeper than \(maxDepth) levels; no CloudFormation template needs that many",
        at: location)
    }
    var frame = Frame(
      kind: mapping ? .mapping : .list, location: location, function: function, tag: tag,
      anchor: anchor, start: mapping ? entries.count : items.count, nodesAtOpen: nodes)
    // Swapped, not copied: a copy would retain and release the frame's strings.
    swap(&frame, &current)
    enclosing.append(frame)
  }

  /// Records the key of the next mapping entry; a key already in the mapping is an error,
  /// never "last one wins", because a silently dropped `Properties:` is a real outage.
  mutating func key(_ key: String, at location: SourceLocation) throws(TemplateError) {
    guard current.kind == .mapping else { return }
    if let position = position(of: key) {
      let firstLine = entries.read(position, \.keyLocation).map { " at line \($0.line)" } ?? ""
      throw TemplateError(
        .duplicateKey,
        "duplicate key '\(key)': it is already defined\(firstLine) in the same mapping; remove or rename one of them",
        at: location)
    }
    current.keyIndex?[key] = entries.count - current.start
    entries.push(.init(key: key, keyLocation: location, value: Value(.null)))
    current.awaitingValue = true
  }

  /// The scratch position of `key` among the entries of the current mapping; builds the key
  /// index when the mapping grows large.
  private mutating func position(of key: String) -> Int? {
    let start = current.start
    if current.keyIndex == nil {
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
      current.keyIndex = index
    }
    return current.keyIndex?[key].map { $0 + start }
  }

  /// Adds a finished scalar (or alias copy) to the innermost open collection (or makes it the
  /// root). `nodes` and `height` are what the value expands to: 1 and 0 for a scalar.
  mutating func add(_ value: consuming Value, nodes: Int = 1, height: Int = 0) {
    self.nodes += nodes
    if height >= current.height { current.height = height + 1 }
    switch current.kind {
    case .mapping:
      // Without a key there is nowhere to put the value; the readers never do this.
      guard current.awaitingValue else { return }
      entries.last.value = value
      current.awaitingValue = false
    case .list:
      items.push(value)
    case .document:
      root = value
    }
  }

  /// Closes the innermost collection, decodes it (long-form function, short-form tag) and adds it
  /// to its parent. Returns the value with its node count when it carries a YAML anchor, for
  /// the alias table.
  @discardableResult
  mutating func close() throws(TemplateError) -> (
    value: Value, nodes: Int, height: Int, anchor: String
  )? {
    guard var frame = enclosing.popLast() else { return nil }
    swap(&frame, &current)
    var value: Value
    if frame.kind == .mapping {
      // A key still waiting for its value has no entry; the readers never close there.
      if frame.awaitingValue { entries.dropLast() }
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
    // The collection itself counts as one node, like a scalar.
    let expanded = nodes - frame.nodesAtOpen + 1
    add(value, nodes: 1, height: frame.height)
    guard let anchor = frame.anchor else { return nil }
    return (value, expanded, frame.height, anchor)
  }
}
