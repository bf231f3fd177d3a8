import Template

/// An EventBridge event pattern, typed: the event sources, detail types and the matchers on
/// fields of `detail`, instead of a hand-written JSON document.
///
/// ```swift
/// EventPattern(
///   source: "aws.s3", detailType: "Object Created",
///   detail: [
///     .field("bucket.name", .equals(Storage.rawBucket.bucketName)),
///     .field("object.key", .suffix("RTAComplete.txt")),
///   ])
/// ```
/// A field path is dotted (`bucket.name` is `{"bucket": {"name": [...]}}`); several matchers on
/// one field match when any matches, as in EventBridge. A pattern with no source, an empty
/// prefix or suffix, a field given twice, or a field that is also the parent of another
/// field is a render error: EventBridge would reject it or match nothing.
/// <https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html>
public struct EventPattern: Sendable {
  /// One comparison of an event field.
  public enum Matcher: Sendable {
    /// The field equals this value (a literal or a reference: a bucket name, a queue ARN).
    case equals(any ValueConvertible)
    /// The string field starts with this text (a literal or a reference: a task's ARN).
    case prefix(any ValueConvertible)
    /// The string field ends with this text.
    case suffix(String)
    /// The field is any value except these.
    case anythingBut([String])
    /// The field is present (`true`) or absent (`false`).
    case exists(Bool)
    /// The string field matches a pattern with `*` wildcards.
    case wildcard(String)

    var value: Value {
      switch self {
      case .equals(let value): value.value
      case .prefix(let text): ["prefix": text.value]
      case .suffix(let text): ["suffix": .string(text)]
      case .anythingBut(let values):
        ["anything-but": values.count == 1 ? .string(values[0]) : .list(values.map { .string($0) })]
      case .exists(let present): ["exists": .bool(present)]
      case .wildcard(let text): ["wildcard": .string(text)]
      }
    }

    /// The text of a prefix, suffix or wildcard matcher, which must not be empty.
    var text: String? {
      switch self {
      case .prefix(let text): text.value.stringValue
      case .suffix(let text), .wildcard(let text): text
      case .equals, .anythingBut, .exists: nil
      }
    }
  }

  /// Matchers on one field of `detail`, by its dotted path.
  public struct Field: Sendable {
    public var path: String
    public var matchers: [Matcher]

    public static func field(_ path: String, _ matchers: Matcher...) -> Field {
      Field(path: path, matchers: matchers)
    }
  }

  public var sources: [String]
  public var detailTypes: [String]
  /// Matchers on the event's `resources` (ARNs): `.prefix(task.arn)` for a task's executions.
  public var resources: [Matcher]
  public var detail: [Field]

  public init(
    source: String..., detailType: String..., resources: [Matcher] = [], detail: [Field] = []
  ) {
    self.sources = source
    self.detailTypes = detailType
    self.resources = resources
    self.detail = detail
  }

  public init(
    sources: [String], detailTypes: [String] = [], resources: [Matcher] = [],
    detail: [Field] = []
  ) {
    self.sources = sources
    self.detailTypes = detailTypes
    self.resources = resources
    self.detail = detail
  }

  /// The pattern as the JSON object `EventPattern` takes; problems are reported for `owner`.
  func lower(for owner: String, at origin: SourceLocation, into context: inout LoweringContext)
    -> Value
  {
    context.require(
      !sources.isEmpty, .invalidValue,
      "event rule '\(owner)': the pattern needs at least one source (aws.s3, aws.batch, ...)",
      at: origin)
    var pattern = OrderedMap<Value>()
    pattern["source"] = .list(sources.map { .string($0) })
    if !detailTypes.isEmpty { pattern["detail-type"] = .list(detailTypes.map { .string($0) }) }
    for matcher in resources where matcher.text?.isEmpty == true {
      context.fail(
        .invalidValue,
        "event rule '\(owner)': an empty prefix, suffix or wildcard on 'resources' matches everything; remove it or give the text",
        at: origin)
    }
    if !resources.isEmpty { pattern["resources"] = .list(resources.map(\.value)) }
    var tree = OrderedMap<Value>()
    var seen: [[String]] = []
    for field in detail {
      let segments = field.path.split(separator: ".", omittingEmptySubsequences: false).map(
        String.init)
      guard !segments.contains(where: \.isEmpty) else {
        context.fail(
          .invalidValue, "event rule '\(owner)': '\(field.path)' is not a dotted field path",
          at: origin)
        continue
      }
      if let clash = seen.first(where: { $0.starts(with: segments) || segments.starts(with: $0) }) {
        context.fail(
          .invalidValue,
          "event rule '\(owner)': the field '\(field.path)' overlaps '\(clash.joined(separator: "."))'; match each field once",
          at: origin)
        continue
      }
      seen.append(segments)
      if field.matchers.isEmpty {
        context.fail(
          .invalidValue, "event rule '\(owner)': the field '\(field.path)' has no matcher",
          at: origin)
      }
      for matcher in field.matchers where matcher.text?.isEmpty == true {
        context.fail(
          .invalidValue,
          "event rule '\(owner)': an empty prefix, suffix or wildcard on '\(field.path)' matches everything; remove it or give the text",
          at: origin)
      }
      Self.insert(.list(field.matchers.map(\.value)), at: segments[...], into: &tree)
    }
    if !tree.isEmpty { pattern["detail"] = .map(tree) }
    return .map(pattern)
  }

  private static func insert(
    _ value: Value, at path: ArraySlice<String>, into tree: inout OrderedMap<Value>
  ) {
    guard let head = path.first else { return }
    if path.count == 1 {
      tree[head] = value
      return
    }
    var child = tree[head]?.mapValue ?? [:]
    insert(value, at: path.dropFirst(), into: &child)
    tree[head] = .map(child)
  }
}
