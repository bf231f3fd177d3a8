import Template

/// A mistake in a blueprint that CloudFormation would only reject at deploy time, caught at
/// render time and located at the blueprint line that made it.
public typealias RenderError = LocatedError<RenderDomain>

/// The errors of rendering a blueprint.
public enum RenderDomain: ErrorDomain {}

/// Stable identifiers of render-time errors.
extension ErrorID where Domain == RenderDomain {
  /// Two resources (or a resource and a parameter) share a logical id.
  public static let duplicateLogicalID = Self(rawValue: "R001")
  /// A logical id that CloudFormation rejects (only ASCII letters and digits, at most 255).
  public static let invalidLogicalID = Self(rawValue: "R002")
  /// A reference to a resource or parameter that is in no stack.
  public static let unresolvedReference = Self(rawValue: "R003")
  /// Stacks that import from each other in a cycle: no deploy order exists.
  public static let crossStackCycle = Self(rawValue: "R004")
  /// An S3 bucket name that S3 rejects.
  public static let invalidBucketName = Self(rawValue: "R005")
  /// A lifecycle transition at or after the rule's expiration.
  public static let transitionAfterExpiration = Self(rawValue: "R006")
  /// An IAM role without a trust policy.
  public static let missingTrustPolicy = Self(rawValue: "R007")
  /// An IAM action that is not `service:Action` shaped.
  public static let malformedAction = Self(rawValue: "R008")
  /// A value outside the range the service accepts (a priority, a retention period, a port).
  public static let invalidValue = Self(rawValue: "R009")
  /// Two stacks with the same name.
  public static let duplicateStack = Self(rawValue: "R010")
  /// A property override whose path cannot be applied to the resource.
  public static let invalidOverride = Self(rawValue: "R011")
}

/// Every render error found, in blueprint order; rendering reports them all at once.
public struct RenderErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [RenderError]

  public init(_ errors: [RenderError]) {
    self.errors = errors.sorted { ($0.location, $0.id.rawValue) < ($1.location, $1.id.rawValue) }
  }

  public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension SourceLocation {
  /// The blueprint line a DSL value was written at, from `#filePath` and `#line`, with the
  /// path made relative to the working directory when it lies below it.
  public static func blueprint(_ filePath: StaticString, _ line: UInt) -> SourceLocation {
    SourceLocation(file: relativePath("\(filePath)"), line: Int(line), column: 1)
  }

  private static func relativePath(_ path: String) -> String {
    for marker in ["/blueprints/", "/Sources/", "/Tests/", "/examples/"] {
      if let range = path.range(of: marker, options: .backwards) {
        return String(path[path.index(after: range.lowerBound)...])
      }
    }
    return path
  }
}
