import Template

/// A DSL value that becomes one or more CloudFormation resources in a stack.
///
/// Each resource family (`Bucket`, `Role`, `ComputeEnvironment`, ...) conforms. A declaration
/// records the blueprint line it was written at, so every render-time error points there.
public protocol ResourceDeclaration: Sendable {
  /// The logical id of the main resource; companion resources derive theirs from it
  /// (`RawBucket` and `RawBucketPolicy`).
  var logicalID: String { get }
  /// The blueprint line that declared it.
  var origin: SourceLocation { get }
  /// The CloudFormation resources this declaration stands for, in the order they are written.
  /// Problems are reported to `context`, never thrown, so one render reports them all.
  func lower(into context: inout LoweringContext) -> [LoweredResource]
}

/// One CloudFormation resource produced by lowering, with the declaration that made it.
public struct LoweredResource: Sendable {
  public var logicalID: String
  public var resource: Resource
  public var origin: SourceLocation

  public init(_ logicalID: String, _ resource: Resource, origin: SourceLocation) {
    self.logicalID = logicalID
    self.resource = resource
    self.origin = origin
  }
}

/// What lowering a declaration can report to: collected errors.
public struct LoweringContext: Sendable {
  public private(set) var errors: [RenderError] = []
  /// Tags for every taggable resource (the application's), written before a resource's own.
  public var tags: [Tag] = []
  /// The application's name, the first word of physical names (`genexomics`).
  public var applicationName: String
  /// The parameter that tells deployments of the application apart (`Environment`).
  public var environmentParameter: String

  public init(
    tags: [Tag] = [], applicationName: String = "app", environmentParameter: String = "Environment"
  ) {
    self.tags = tags
    self.applicationName = applicationName
    self.environmentParameter = environmentParameter
  }

  /// A physical name unique per environment: `genexomics-${Environment}-<name>`.
  ///
  /// Used for resources other stacks must name before they exist (a role in a key policy),
  /// so the name is known from the blueprint alone and creates no stack dependency.
  public func physicalName(_ name: String) -> Value {
    .sub("\(applicationName)-${\(environmentParameter)}-\(name)")
  }

  public mutating func fail(_ id: RenderError.ID, _ message: String, at origin: SourceLocation) {
    errors.append(RenderError(id, message, at: origin))
  }

  /// Reports `id` when `condition` is false; returns the condition for chaining.
  @discardableResult
  public mutating func require(
    _ condition: Bool, _ id: RenderError.ID, _ message: @autoclosure () -> String,
    at origin: SourceLocation
  ) -> Bool {
    if !condition { fail(id, message(), at: origin) }
    return condition
  }
}

extension ResourceDeclaration {
  /// `Ref` of the main resource.
  public var ref: Value { .ref(logicalID) }

  /// `Fn::GetAtt` of the main resource.
  public func attribute(_ name: String) -> Value { .getAtt(logicalID, name) }
}

/// Properties in the order given, leaving out the ones that are `nil`, so lowering code reads
/// as the CloudFormation page does and absent options stay absent.
public struct Properties: Sendable {
  public private(set) var map = OrderedMap<Value>()

  public init() {}

  public subscript(key: String) -> (any ValueConvertible)? {
    get { map[key] }
    set { map[key] = newValue?.value }
  }

  /// Sets `key` when `value` is not nil (nor YAML's null, which `nil` becomes where a `Value`
  /// is expected) and, for lists and mappings, not empty.
  public mutating func set(_ key: String, _ value: (any ValueConvertible)?) {
    guard let value = value?.value else { return }
    switch value.kind {
    case .null: return
    case .list(let list) where list.isEmpty: return
    case .map(let map) where map.isEmpty: return
    default: map[key] = value
    }
  }

  public var value: Value { .map(map) }
}

extension Properties: ValueConvertible {}
