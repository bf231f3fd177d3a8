import Template

/// A modelled resource with properties the DSL does not model, set (or removed) on its main
/// resource after lowering: the escape hatch for a setting a family does not expose yet, as
/// CDK's `addPropertyOverride`.
///
/// ```swift
/// rawBucket
///   .overriding("AccelerateConfiguration.AccelerationStatus", with: "Enabled")
///   .removing("Tags")
/// ```
///
/// Paths are dotted property names below `Properties`; missing mappings on the way are created.
/// A path that runs through a value that is not a mapping is a render error at the override's
/// line, never a silent no-op.
public struct PropertyOverride: ResourceDeclaration {
  /// One change: a value set at a path, or the property at a path removed (`nil`).
  public struct Change: Sendable {
    public var path: [String]
    public var value: Value?
    public var origin: SourceLocation
  }

  public var base: any ResourceDeclaration
  public var changes: [Change]

  public var logicalID: String { base.logicalID }
  public var origin: SourceLocation { base.origin }

  /// This declaration with `value` at the dotted property `path` of its main resource.
  public func overriding(
    _ path: String, with value: some ValueConvertible, file: StaticString = #filePath,
    line: UInt = #line
  ) -> PropertyOverride {
    var copy = self
    copy.changes.append(Change(path: Self.split(path), value: value.value, origin: .blueprint(file, line)))
    return copy
  }

  /// This declaration without the dotted property `path` on its main resource.
  public func removing(_ path: String, file: StaticString = #filePath, line: UInt = #line)
    -> PropertyOverride
  {
    var copy = self
    copy.changes.append(Change(path: Self.split(path), value: nil, origin: .blueprint(file, line)))
    return copy
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    var lowered = base.lower(into: &context)
    guard let main = lowered.firstIndex(where: { $0.logicalID == logicalID }) else {
      context.fail(
        .invalidOverride, "'\(logicalID)' lowers to no resource of that logical id to override",
        at: origin)
      return lowered
    }
    for change in changes {
      guard !change.path.isEmpty, !change.path.contains(where: \.isEmpty) else {
        context.fail(.invalidOverride, "an override needs a dotted property path, such as 'A.B'", at: change.origin)
        continue
      }
      var properties = Value.map(lowered[main].resource.properties)
      if let problem = Self.apply(change, to: &properties, depth: 0) {
        context.fail(
          .invalidOverride,
          "override of '\(logicalID)' at '\(change.path.joined(separator: "."))': \(problem)",
          at: change.origin)
        continue
      }
      if case .map(let map) = properties.kind { lowered[main].resource.properties = map }
    }
    return lowered
  }

  /// Sets or removes the change's path inside `value`; returns why it cannot, if it cannot.
  private static func apply(_ change: Change, to value: inout Value, depth: Int) -> String? {
    guard case .map(var map) = value.kind else {
      return "'\(change.path[..<depth].joined(separator: "."))' is not a mapping"
    }
    let key = change.path[depth]
    if depth == change.path.count - 1 {
      map[key] = change.value
    } else {
      var child = map[key] ?? .map([:])
      if change.value == nil && map[key] == nil { return nil }
      if let problem = apply(change, to: &child, depth: depth + 1) { return problem }
      map[key] = child
    }
    value = .map(map)
    return nil
  }

  private static func split(_ path: String) -> [String] {
    path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  }
}

extension ResourceDeclaration {
  /// This declaration with `value` at the dotted property `path` of its main resource.
  public func overriding(
    _ path: String, with value: some ValueConvertible, file: StaticString = #filePath,
    line: UInt = #line
  ) -> PropertyOverride {
    PropertyOverride(base: self, changes: []).overriding(path, with: value, file: file, line: line)
  }

  /// This declaration without the dotted property `path` on its main resource.
  public func removing(_ path: String, file: StaticString = #filePath, line: UInt = #line)
    -> PropertyOverride
  {
    PropertyOverride(base: self, changes: []).removing(path, file: file, line: line)
  }
}
