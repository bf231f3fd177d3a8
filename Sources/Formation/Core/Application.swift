import Template

/// A set of stacks deployed together, like a CDK app: the unit `render` turns into `generated/`.
public struct Application: Sendable {
  /// A short lowercase name, the first word of every cross-stack export name.
  public var name: String
  public var stacks: [Stack]
  /// Parameters every stack may use; each is added to exactly the stacks that reference it.
  public var sharedParameters: [StackParameter]
  /// The parameter whose value separates deployments of the same application in one account
  /// (`dev`, `prod`); it is part of every export name so two environments never collide.
  public var environment: StackParameter
  /// Tags for every taggable resource, before the resource's own.
  public var tags: [Tag]

  public init(
    name: String, environment: StackParameter, sharedParameters: [StackParameter] = [],
    tags: [Tag] = [],
    stacks: [Stack]
  ) {
    self.name = name
    self.environment = environment
    self.sharedParameters = sharedParameters
    self.tags = tags
    self.stacks = stacks
  }

  /// Renders every stack, in deploy order. Reports every render error at once.
  public func render() throws(RenderErrors) -> [RenderedStack] {
    var linker = Linker(application: self)
    return try linker.link()
  }
}

/// One stack as rendered: its template and the stacks it imports from.
public struct RenderedStack: Sendable {
  public var name: String
  public var template: Template
  /// Names of the stacks that must be deployed first, because this one imports from them.
  public var dependencies: [String]
  /// Where the stack was declared.
  public var origin: SourceLocation
}
