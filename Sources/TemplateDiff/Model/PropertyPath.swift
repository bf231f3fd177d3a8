/// Where a change is inside a resource or section: `Properties.LifecycleConfiguration.Rules[0].Transitions[0].TransitionInDays`.
///
/// A list element matched by its identity (a tag by `Key`, a statement by `Sid`) is written
/// with that identity, `Tags[Key=Owner].Value`, because an index would move when an element
/// is inserted before it and a reviewer would have to count.
public struct PropertyPath: Sendable, Hashable, Comparable, CustomStringConvertible {
  public enum Segment: Sendable, Hashable {
    case key(String)
    case index(Int)
    /// A list element matched by `key == value` rather than by position.
    case element(key: String, value: String)
  }

  public var segments: [Segment]

  public init(_ segments: [Segment] = []) { self.segments = segments }

  /// A path of mapping keys: `PropertyPath("Properties", "BucketName")`.
  public init(_ keys: String...) { self.segments = keys.map { .key($0) } }

  public func appending(_ segment: Segment) -> PropertyPath {
    PropertyPath(segments + [segment])
  }

  public func appending(key: String) -> PropertyPath { appending(.key(key)) }

  public var isEmpty: Bool { segments.isEmpty }

  /// The last mapping key of the path, the name a reader knows the property by.
  public var lastKey: String? {
    for segment in segments.reversed() { if case .key(let key) = segment { return key } }
    return nil
  }

  public var description: String {
    var text = ""
    for segment in segments {
      switch segment {
      case .key(let key): text += text.isEmpty ? key : "." + key
      case .index(let index): text += "[\(index)]"
      case .element(let key, let value): text += "[\(key)=\(value)]"
      }
    }
    return text
  }

  public static func < (lhs: PropertyPath, rhs: PropertyPath) -> Bool {
    lhs.description < rhs.description
  }
}
