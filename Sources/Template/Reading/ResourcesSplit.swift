import Foundation

/// Where a large YAML template can be cut so that its parts are read on different cores: at
/// the start of lines that hold a key of the top-level `Resources` mapping.
///
/// A template is nearly all resources, and each resource's entry starts on a line of its own
/// at the mapping's column. The fast reader accepts no construct that spans such a line (a
/// literal block's lines are indented deeper, and anything over several lines at the same
/// column is left to libyaml), so the text before the line and the text from it read the same
/// as they read together. The cut is found by looking at line starts only; whether the parts
/// really are what they seem is for the readers to find (a part that does not read on its own
/// sends the file back to being read whole) and for `merged` (two parts with the same key).
struct ResourcesSplit {
  /// A part of the input: its bytes and the 0-based line its first byte is on.
  struct Part: Sendable {
    enum Kind: Sendable {
      /// From the start of the file to the first cut: the top-level keys before `Resources`,
      /// and its first entries.
      case start
      /// Entries of `Resources` (keys at `column`), up to the next cut or the mapping's end.
      case resources(column: Int)
      /// The top-level keys after `Resources`.
      case rest
    }

    var kind: Kind
    var bytes: Range<Int>
    var line: Int
  }

  /// The parts in file order: the start, the later runs of resources, the rest (when any).
  private(set) var parts: [Part] = []

  /// Inputs smaller than twice this are read whole: starting a part on another core costs
  /// tens of microseconds, which only a part this large repays.
  static let smallestPart = 32 * 1024

  /// The cuts of `input` into `count` parts of about the same size, at keys of `Resources`;
  /// `nil` when the input is too small to be worth it or has too few resources.
  init?(_ input: UnsafeBufferPointer<UInt8>, count: Int) {
    guard count > 1, input.count >= 2 * Self.smallestPart,
      let keys = ResourceKeys(input), keys.lines.count >= 2 * count
    else { return nil }
    // A cut at the key nearest each even share of the file. Every part keeps two keys at
    // least: a mapping of one key can be a function (`Fn::Transform` includes a snippet),
    // which its part would read as one.
    var cuts: [Int] = []
    let last = keys.lines.count - 2
    var candidate = 2
    for share in 1..<count {
      let target = input.count * share / count
      while candidate < last, keys.lines[candidate + 1].offset <= target { candidate += 1 }
      if candidate >= (cuts.last ?? 0) + 2 { cuts.append(candidate) }
    }
    self.init(input.count, keys: keys, cuttingBefore: cuts)
  }

  /// The parts of an input of `count` bytes cut before the keys at `cuts` (ascending
  /// positions in `keys.lines`, none of them 0; two apart, and two before the end, for no
  /// part to hold a single key).
  init(_ count: Int, keys: ResourceKeys, cuttingBefore cuts: [Int]) {
    let starts = cuts.map { keys.lines[$0] }
    parts.append(Part(kind: .start, bytes: 0..<(starts.first?.offset ?? keys.end.offset), line: 0))
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1].offset : keys.end.offset
      parts.append(
        Part(kind: .resources(column: keys.column), bytes: start.offset..<end, line: start.line))
    }
    if keys.end.offset < count {
      parts.append(Part(kind: .rest, bytes: keys.end.offset..<count, line: keys.end.line))
    }
  }

  /// The lines that start the entries of a top-level block mapping `Resources`, as the lines
  /// alone show them.
  struct ResourceKeys {
    /// The column of the entries' keys.
    var column: Int
    /// Where each line holding content at that column starts, and its 0-based number.
    var lines: [(offset: Int, line: Int)] = []
    /// The first line after the mapping (content left of `column`), or the input's end.
    var end: (offset: Int, line: Int)

    init?(_ input: UnsafeBufferPointer<UInt8>) {
      guard let base = input.baseAddress else { return nil }
      var scanner = LineScanner(base: base, count: input.count)
      while !scanner.isAtEnd, !scanner.isResourcesKey { scanner.next() }
      guard !scanner.isAtEnd else { return nil }
      scanner.next()
      while !scanner.isAtEnd, scanner.isBlankOrComment { scanner.next() }
      column = scanner.indentation
      guard !scanner.isAtEnd, column > 0,
        base[scanner.start + column] != UInt8(ascii: "-")
      else { return nil }
      while !scanner.isAtEnd {
        if !scanner.isBlankOrComment {
          if scanner.indentation < column { break }
          if scanner.indentation == column { lines.append((scanner.start, scanner.number)) }
        }
        scanner.next()
      }
      end = (min(scanner.start, input.count), scanner.number)
    }
  }

  /// The template the parts' values make together: the start's `Resources` extended by the
  /// entries of every later run, then the rest's keys. `nil` when the parts are not what the
  /// cut took them for, or a key repeats across parts; the file is then read whole, which
  /// reports the repeat.
  static func merged(_ values: [Value], of parts: [Part]) -> Value? {
    guard values.count == parts.count, case .map(let root) = values[0].kind,
      let resources = root.entries.last, resources.key == "Resources",
      case .map(let first) = resources.value.kind
    else { return nil }
    var entries = first.entries
    var rootEntries = Array(root.entries.dropLast())
    for (value, part) in zip(values, parts).dropFirst() {
      guard case .map(let map) = value.kind else { return nil }
      switch part.kind {
      case .start: return nil
      case .resources: entries += map.entries
      case .rest: rootEntries += map.entries
      }
    }
    do {
      guard let resourcesMap = OrderedMap(distinct: entries) else { return nil }
      rootEntries.insert(
        OrderedMap.Entry(
          key: resources.key, keyLocation: resources.keyLocation,
          value: try IntrinsicDecoding.decodeMapping(
            resourcesMap, at: resources.value.location ?? .nowhere)),
        at: root.count - 1)
      guard let rootMap = OrderedMap(distinct: rootEntries) else { return nil }
      return try IntrinsicDecoding.decodeMapping(rootMap, at: values[0].location ?? .nowhere)
    } catch {
      return nil
    }
  }
}

extension OrderedMap {
  /// A map of `entries`, or `nil` when a key repeats.
  init?(distinct entries: [Entry]) {
    var index = [String: Int](minimumCapacity: entries.count)
    for (position, entry) in entries.enumerated()
    where index.updateValue(position, forKey: entry.key) != nil {
      return nil
    }
    self.init(checkedEntries: entries, index: index)
  }
}

/// The lines of an input, one at a time: where each starts, its number and its indentation.
private struct LineScanner {
  let base: UnsafePointer<UInt8>
  let count: Int
  /// The current line's first byte, and its 0-based number.
  private(set) var start = 0
  private(set) var number = 0

  init(base: UnsafePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }

  var isAtEnd: Bool { start >= count }

  /// Spaces before the line's first other byte.
  var indentation: Int {
    var offset = start
    while offset < count, base[offset] == UInt8(ascii: " ") { offset += 1 }
    return offset - start
  }

  /// Nothing but spaces on the line, or a comment after them.
  var isBlankOrComment: Bool {
    let first = start + indentation
    return first >= count || base[first] == UInt8(ascii: "\n") || base[first] == UInt8(ascii: "\r")
      || base[first] == UInt8(ascii: "#")
  }

  /// The line is `Resources:` at column 0, with nothing after it but spaces or a comment.
  var isResourcesKey: Bool {
    let key = "Resources:".utf8
    guard start + key.count <= count,
      zip(key, UnsafeBufferPointer(start: base + start, count: key.count)).allSatisfy(==)
    else { return false }
    var offset = start + key.count
    while offset < count, base[offset] == UInt8(ascii: " ") { offset += 1 }
    return offset >= count || base[offset] == UInt8(ascii: "\n")
      || base[offset] == UInt8(ascii: "\r") || base[offset] == UInt8(ascii: "#")
  }

  mutating func next() {
    let rest = UnsafeRawPointer(base + start)
    if let newline = memchr(rest, Int32(UInt8(ascii: "\n")), count - start) {
      start += UnsafeRawPointer(newline) - rest + 1
    } else {
      start = count
    }
    number += 1
  }
}
