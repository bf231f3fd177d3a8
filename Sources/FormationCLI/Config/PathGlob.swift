/// A gitignore-like path pattern from `.formation.yaml`: `include` and `exclude` entries.
///
/// A pattern without `/` (`node_modules`, `*.json`) matches a file or folder of that name at
/// any depth; a pattern with `/` (`Tests/*/Fixtures`, `examples/insecure/**`) matches the path
/// relative to the configuration's folder from its start. `*` and `?` stay within one path
/// segment, `**` matches any number of segments; a folder that matches excludes everything in it.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
  public let pattern: String
  private let segments: [Substring]
  private let anchored: Bool

  public init(_ pattern: String) {
    var text = Substring(pattern)
    if text.hasPrefix("./") { text = text.dropFirst(2) }
    while text.hasSuffix("/") { text = text.dropLast() }
    if text.hasSuffix("/**") { text = text.dropLast(3) }
    self.pattern = pattern
    anchored = text.contains("/")
    segments = text.hasPrefix("/") ? text.dropFirst().split(separator: "/") : text.split(separator: "/")
  }

  public var description: String { pattern }

  /// Whether the `/`-separated relative path, or one of the folders it is in, matches.
  public func matches(_ relativePath: String) -> Bool {
    let parts = relativePath.split(separator: "/")
    guard !segments.isEmpty else { return false }
    if !anchored {
      return parts.contains { Self.match(segment: segments[0], $0) }
    }
    // A prefix of the path matching the whole pattern means a folder above the file matched.
    return (1...max(1, parts.count)).contains { Self.match(segments[...], parts[..<$0]) }
  }

  private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
    guard let first = pattern.first else { return path.isEmpty }
    if first == "**" {
      return (path.startIndex...path.endIndex).contains {
        match(pattern.dropFirst(), path[$0...])
      }
    }
    guard let segment = path.first, match(segment: first, segment) else { return false }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  /// `*` any run of characters, `?` one character, anything else itself.
  static func match(segment pattern: Substring, _ name: Substring) -> Bool {
    let pattern = Array(pattern)
    let name = Array(name)
    var p = 0
    var n = 0
    var star: Int?
    var resume = 0
    while n < name.count {
      if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
        p += 1
        n += 1
      } else if p < pattern.count, pattern[p] == "*" {
        star = p
        resume = n
        p += 1
      } else if let star {
        p = star + 1
        resume += 1
        n = resume
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }
}
