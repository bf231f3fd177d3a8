import Template

/// Decides will / may / no replacement for a modified resource from its type's create-only
/// rules, at every depth.
///
/// Each create-only path (`ComputeResources.Subnets`, `InstanceGroups.*.InstanceType`) is
/// read from both sides' properties, so a change counts however deep it is and however it
/// is reached (a whole `ComputeResources` block added counts for the paths inside it).
struct ReplacementAnalysis {
  /// The value found at one concrete create-only path.
  enum Found: Sendable {
    case absent
    case value(Value)
    /// An intrinsic stands above the path (`ComputeResources: !If [...]`): the value at the
    /// path is only known at deploy time.
    case opaque(Value)
  }

  /// A create-only path that differs, with its verdict and the sentence that says why.
  struct Hit {
    var path: PropertyPath
    var replacement: Replacement
    var reason: String
  }

  var data: ReplacementData
  /// Resource logical ids of the proposed template, to tell a reference to another resource
  /// (which changes the value for certain) from a reference to a parameter (which may not).
  var resourceIDs: Set<String>

  /// The create-only paths whose values differ between `old` and `new` properties.
  func hits(type: String, old: Value, new: Value) -> [Hit] {
    guard let rules = data[type] else { return [] }
    var hits: [Hit] = []
    for (patterns, conditional) in [(rules.createOnly, false), (rules.conditionalCreateOnly, true)]
    {
      for pattern in patterns {
        var oldFound: [(PropertyPath, Found)] = []
        var newFound: [(PropertyPath, Found)] = []
        Self.extract(old, pattern[...], at: PropertyPath("Properties"), into: &oldFound)
        Self.extract(new, pattern[...], at: PropertyPath("Properties"), into: &newFound)
        var oldByPath: [String: Found] = [:]
        for (path, found) in oldFound { oldByPath[path.description] = found }
        var seen = Set<String>()
        for (path, found) in newFound {
          seen.insert(path.description)
          if let verdict = verdict(
            oldByPath[path.description], found, path: path, conditional: conditional)
          {
            hits.append(Hit(path: path, replacement: verdict.0, reason: verdict.1))
          }
        }
        for (path, found) in oldFound where !seen.contains(path.description) {
          if let verdict = verdict(found, nil, path: path, conditional: conditional) {
            hits.append(Hit(path: path, replacement: verdict.0, reason: verdict.1))
          }
        }
      }
    }
    return hits
  }

  /// The verdict for one concrete path; `nil` when both sides are the same. `nil` for a side
  /// means the list element holding the path exists only on the other side.
  private func verdict(_ old: Found?, _ new: Found?, path: PropertyPath, conditional: Bool) -> (
    Replacement, String
  )? {
    let name = Self.display(path)
    let rule = conditional ? "conditionally create-only" : "create-only"
    switch (old, new) {
    case (nil, nil), (nil, .absent?), (.absent?, nil), (.absent?, .absent?):
      return nil
    case (nil, _), (_, nil):
      return (.may, "an element holding \(name) (\(rule)) is \(old == nil ? "added" : "removed")")
    case (.value(let a)?, .value(let b)?):
      if Fingerprint.of(a) == Fingerprint.of(b) { return nil }
      if conditional {
        return (.may, "\(name) changes (\(rule): replacement depends on other settings)")
      }
      if !a.containsIntrinsic && !b.containsIntrinsic || refersToDifferentResources(a, b) {
        return (.will, "\(name) changes (\(rule))")
      }
      return (.may, "\(name) changes to or from a value known only at deploy time (\(rule))")
    case (.absent?, .value(let value)?), (.value(let value)?, .absent?):
      let verb = if case .absent? = old { "is set" } else { "is removed" }
      if conditional {
        return (.may, "\(name) \(verb) (\(rule): replacement depends on other settings)")
      }
      if case .intrinsic(.if) = value.kind {
        return (.may, "\(name) \(verb) under a condition (\(rule))")
      }
      return (.will, "\(name) \(verb) (\(rule))")
    case (.opaque(let a)?, .opaque(let b)?):
      if Fingerprint.of(a) == Fingerprint.of(b) { return nil }
      return (.may, "\(name) is inside a function whose value changes (\(rule))")
    case (.opaque?, _), (_, .opaque?):
      return (.may, "\(name) is inside a function on one side (\(rule))")
    }
  }

  /// Two values that are each a reference to a resource of this template, and to different ones.
  private func refersToDifferentResources(_ a: Value, _ b: Value) -> Bool {
    func target(_ value: Value) -> String? {
      switch value.kind {
      case .intrinsic(.ref(let name)): return resourceIDs.contains(name) ? name : nil
      case .intrinsic(.getAtt(let resource, _)):
        return resourceIDs.contains(resource) ? resource : nil
      default: return nil
      }
    }
    guard let left = target(a), let right = target(b) else { return false }
    return left != right
  }

  /// Reads the values at a create-only path, expanding `*` over list elements (by identity
  /// when the elements are named, else by position).
  static func extract(
    _ value: Value?, _ pattern: ArraySlice<String>, at path: PropertyPath,
    into found: inout [(PropertyPath, Found)]
  ) {
    guard let value, !Fingerprint.isNoValue(value), !value.isNull else {
      found.append((pattern.reduce(path) { $0.appending(key: $1 == "*" ? "*" : $1) }, .absent))
      return
    }
    guard let segment = pattern.first else {
      found.append((path, .value(value)))
      return
    }
    if case .intrinsic = value.kind {
      found.append((pattern.reduce(path) { $0.appending(key: $1) }, .opaque(value)))
      return
    }
    let rest = pattern.dropFirst()
    if segment == "*" {
      guard let list = value.listValue else {
        found.append((pattern.reduce(path) { $0.appending(key: $1) }, .opaque(value)))
        return
      }
      let key = ListIdentity.identityKey(list, list)
      for (index, element) in list.enumerated() {
        let elementPath =
          if let key, let identity = ListIdentity.identity(of: element, key: key) {
            path.appending(.element(key: key, value: identity))
          } else {
            path.appending(.index(index))
          }
        extract(element, rest, at: elementPath, into: &found)
      }
      return
    }
    guard let map = value.mapValue else {
      found.append((pattern.reduce(path) { $0.appending(key: $1) }, .opaque(value)))
      return
    }
    extract(map[segment], rest, at: path.appending(key: segment), into: &found)
  }

  /// The path without the leading `Properties.`, as the property is known.
  static func display(_ path: PropertyPath) -> String {
    var segments = path.segments
    if segments.first == .key("Properties") { segments.removeFirst() }
    return PropertyPath(segments).description
  }

  /// Whether a change at `change` touches the create-only value at `hit`: one path is a
  /// prefix of the other. List positions match any element, because the differ and the
  /// extraction may name the same element differently.
  static func overlaps(_ change: PropertyPath, _ hit: PropertyPath) -> Bool {
    for (a, b) in zip(change.segments, hit.segments) {
      switch (a, b) {
      case (.key("*"), _), (_, .key("*")): continue
      case (.key(let x), .key(let y)): if x != y { return false }
      case (.key, _), (_, .key): return false
      default: continue
      }
    }
    return true
  }
}

extension ReplacementAnalysis.Found: Equatable {
  static func == (lhs: Self, rhs: Self) -> Bool {
    switch (lhs, rhs) {
    case (.absent, .absent): return true
    case (.value(let a), .value(let b)), (.opaque(let a), .opaque(let b)): return a == b
    default: return false
    }
  }
}
