import Template

/// Where a value sits inside its resource, output or condition: `Properties.Tags[0].Value`.
///
/// Findings carry it so a person can find the property even when two resources share a line
/// pattern, and JSON consumers can match on it without parsing messages.
public struct ValuePath: Sendable, Hashable, CustomStringConvertible {
  public enum Component: Sendable, Hashable {
    /// A mapping key (a property name), or an intrinsic function's name.
    case key(String)
    /// A list position.
    case index(Int)
    /// An intrinsic function's argument, by position: `Fn::If[1]`.
    case argument(function: String, position: Int)
  }

  public var components: [Component]

  public init(_ components: [Component] = []) { self.components = components }

  /// A path of mapping keys: `ValuePath("Properties", "BucketName")`.
  public init(_ keys: String...) { self.components = keys.map { .key($0) } }

  public func appending(_ component: Component) -> ValuePath { ValuePath(components + [component]) }

  public var isEmpty: Bool { components.isEmpty }

  /// Keys joined with dots, positions in brackets: `Properties.Tags[0].Value`.
  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key):
        if !text.isEmpty { text += "." }
        text += key
      case .index(let position):
        text += "[\(position)]"
      case .argument(let function, let position):
        if !text.isEmpty { text += "." }
        text += "\(function)[\(position)]"
      }
    }
    return text
  }
}

/// The part of a template a walk is in: which section, which entry, and the path to the walked value.
public struct WalkScope: Sendable, Hashable {
  public enum Section: String, Sendable, Hashable {
    case metadata = "Metadata"
    case rules = "Rules"
    case conditions = "Conditions"
    case resources = "Resources"
    case outputs = "Outputs"
    /// SAM's `Globals` section: properties the transform copies into every serverless resource.
    case globals = "Globals"
  }

  public var section: Section
  /// The resource, output, condition or rule the value belongs to (`nil` for the template's Metadata).
  public var logicalID: String?
  /// The path from the entry to the walked value: `Properties`, `Value`, `Export.Name`.
  public var basePath: ValuePath
  /// The entry itself is a `Fn::ForEach::` loop, so every name inside it may be a loop variable.
  public var isForEach: Bool

  public init(
    section: Section, logicalID: String?, basePath: ValuePath = ValuePath(), isForEach: Bool = false
  ) {
    self.section = section
    self.logicalID = logicalID
    self.basePath = basePath
    self.isForEach = isForEach
  }
}

/// One value met by a walk, with where it is.
public struct ValueVisit: Sendable {
  public let value: Value
  public let scope: WalkScope
  /// True inside a `Fn::ForEach` loop body (language extensions), where `${Identifier}` names
  /// the loop variable and names are copied, so undefined-name checks must stay quiet.
  public let isInForEach: Bool
  package let components: [ValuePath.Component]

  /// The path from the scope's entry to this value, built only when asked (for a finding).
  public var path: ValuePath { ValuePath(scope.basePath.components + components) }
  /// How many levels below the walked root this value is.
  public var depth: Int { components.count }
}

/// Visits the intrinsic functions of a template, or of one value tree, in document order, with
/// their context.
///
/// Iterative (an explicit stack, never recursion), so a value nested hundreds of levels deep
/// cannot overflow the stack; paths are kept as a component stack and turned into a string
/// only when a check reports something.
public enum ValueWalker {
  /// The values a walk of a whole template visits, each with its scope, in document order.
  private static func roots(of template: Template) -> [(Value, WalkScope)] {
    var roots: [(Value, WalkScope)] = []
    roots.reserveCapacity(template.resources.count + template.outputs.count)
    if let metadata = template.metadata {
      roots.append((Value(.map(metadata)), WalkScope(section: .metadata, logicalID: nil)))
    }
    for entry in template.rules.entries {
      roots.append((entry.value, WalkScope(section: .rules, logicalID: entry.key)))
    }
    for entry in template.conditions.entries {
      roots.append((entry.value, scope(.conditions, entry.key)))
    }
    for entry in template.resources.entries {
      appendRoots(of: entry.value, logicalID: entry.key, to: &roots)
    }
    for entry in template.outputs.entries {
      let output = entry.value
      if let loop = output.loop {
        roots.append((loop, scope(.outputs, entry.key)))
        continue
      }
      roots.append((output.value, scope(.outputs, entry.key, "Value")))
      if let description = output.description {
        roots.append((description, scope(.outputs, entry.key, "Description")))
      }
      if let exportName = output.exportName {
        roots.append((exportName, scope(.outputs, entry.key, "Export", "Name")))
      }
    }
    if TemplateIndex.transformNames(template.transform).contains(TemplateIndex.serverlessTransform),
      let globals = template.unknownSections["Globals"]
    {
      roots.append((globals, WalkScope(section: .globals, logicalID: nil)))
    }
    return roots
  }

  /// A resource's walked attributes (Properties, Metadata and policies, in the order
  /// CloudFormation documents them; for a `Fn::ForEach::` entry, its loop), appended to `roots`.
  private static func appendRoots(
    of resource: Resource, logicalID: String, to roots: inout [(Value, WalkScope)]
  ) {
    if let written = resource.loop ?? resource.bodyFunction {
      roots.append((written, scope(.resources, logicalID)))
      return
    }
    // One scope per resource, its path changed per attribute: the paths are made once (see
    // `AttributePaths`), so a resource's roots allocate nothing but the roots list.
    var attributeScope = scope(.resources, logicalID)
    func add(_ value: Value?, at path: ValuePath) {
      guard let value else { return }
      attributeScope.basePath = path
      roots.append((value, attributeScope))
    }
    if let written = resource.propertiesFunction {
      // What the author wrote, not its spelled-out members: each member repeats the condition.
      add(written, at: AttributePaths.properties)
    } else if !resource.properties.isEmpty {
      add(
        Value(.map(resource.properties), at: resource.propertiesLocation),
        at: AttributePaths.properties)
    }
    add(resource.metadata, at: AttributePaths.metadata)
    add(resource.creationPolicy, at: AttributePaths.creationPolicy)
    add(resource.updatePolicy, at: AttributePaths.updatePolicy)
    add(resource.deletionPolicy, at: AttributePaths.deletionPolicy)
    add(resource.updateReplacePolicy, at: AttributePaths.updateReplacePolicy)
  }

  /// The paths of a resource's walked attributes, in the order `appendRoots` walks them.
  private enum AttributePaths {
    package static let properties = ValuePath("Properties")
    package static let metadata = ValuePath("Metadata")
    package static let creationPolicy = ValuePath("CreationPolicy")
    package static let updatePolicy = ValuePath("UpdatePolicy")
    package static let deletionPolicy = ValuePath("DeletionPolicy")
    package static let updateReplacePolicy = ValuePath("UpdateReplacePolicy")
  }

  /// Visits the intrinsic functions of a template, and nothing else, in document order (every
  /// function's arguments included): Metadata, Rules, Conditions, each resource's attributes,
  /// Outputs, and SAM's `Globals`.
  ///
  /// The correctness checks only look at functions, a small part of a template's values: the
  /// walk makes no visit, path or copy for the other values, and builds a function's path
  /// from the walk's stack only when it meets one.
  package static func walkIntrinsics(_ template: Template, _ visit: (Intrinsic, ValueVisit) -> Void) {
    for (root, scope) in roots(of: template) {
      walkIntrinsics(root, in: scope, visit)
    }
  }

  /// The children still to visit of one value on the walk's stack.
  ///
  /// The children are kept in two stored arrays rather than an enum's payloads, so the walk
  /// reads `stack[top].items[position]` in place without binding (and retaining) the array.
  private struct Cursor {
    /// A list's elements or a function's arguments (empty for a mapping).
    package let items: [Value]
    /// A mapping's entries (empty for a list or a function).
    package let entries: [OrderedMap<Value>.Entry]
    /// The function's name, for the paths of its arguments; nil for a list or a mapping.
    package let function: String?
    /// The position of the child after the one being visited.
    package var next: Int
    package let isInForEach: Bool

    /// The path component of the child being visited.
    package var component: ValuePath.Component {
      if let function { return .argument(function: function, position: next - 1) }
      if items.isEmpty { return .key(entries[next - 1].key) }
      return .index(next - 1)
    }
  }

  /// `walkIntrinsics(_:_:)` for one value tree.
  package static func walkIntrinsics(
    _ root: Value, in scope: WalkScope, _ visit: (Intrinsic, ValueVisit) -> Void
  ) {
    var stack: [Cursor] = []
    func enter(_ value: Value, isInForEach: Bool) {
      switch value.kind {
      case .string, .number, .bool, .null:
        return
      case .list(let items):
        if !items.isEmpty {
          stack.append(
            Cursor(items: items, entries: [], function: nil, next: 0, isInForEach: isInForEach))
        }
      case .map(let map):
        if !map.isEmpty {
          stack.append(
            Cursor(
              items: [], entries: map.entries, function: nil, next: 0, isInForEach: isInForEach))
        }
      case .intrinsic(let function):
        visit(
          function,
          ValueVisit(
            value: value, scope: scope, isInForEach: isInForEach,
            components: stack.map(\.component)))
        stack.append(
          Cursor(
            items: function.arguments, entries: [], function: function.name, next: 0,
            isInForEach: isInForEach))
      }
    }
    enter(root, isInForEach: scope.isForEach)
    // Scalars hold no function: runs of them are skipped in place, without copying them.
    while let top = stack.indices.last {
      var position = stack[top].next
      let itemCount = stack[top].items.count
      if itemCount > 0 || stack[top].function != nil {
        while position < itemCount, stack[top].items[position].isScalar { position += 1 }
        guard position < itemCount else {
          stack.removeLast()
          continue
        }
        stack[top].next = position + 1
        let child = stack[top].items[position]
        enter(child, isInForEach: stack[top].isInForEach)
      } else {
        let entryCount = stack[top].entries.count
        while position < entryCount, stack[top].entries[position].value.isScalar { position += 1 }
        guard position < entryCount else {
          stack.removeLast()
          continue
        }
        stack[top].next = position + 1
        let isLoopBody = Self.isLoopKey(stack[top].entries[position].key)
        let child = stack[top].entries[position].value
        enter(child, isInForEach: stack[top].isInForEach || isLoopBody)
      }
    }
  }

  /// True for a `Fn::ForEach::` key; nearly every key fails on its first byte, before the
  /// prefix comparison.
  private static func isLoopKey(_ key: String) -> Bool {
    key.utf8.first == UInt8(ascii: "F") && key.hasPrefix(TemplateIndex.forEachPrefix)
  }

  private static func scope(_ section: WalkScope.Section, _ logicalID: String, _ keys: String...)
    -> WalkScope
  {
    WalkScope(
      section: section, logicalID: logicalID,
      basePath: keys.isEmpty ? ValuePath() : ValuePath(keys.map { .key($0) }),
      isForEach: isLoopKey(logicalID))
  }
}

extension Value {
  /// A string, number, boolean or null: a value with no children.
  fileprivate var isScalar: Bool {
    switch kind {
    case .string, .number, .bool, .null: return true
    case .list, .map, .intrinsic: return false
    }
  }
}
