import Template

/// A CloudFormation stack: its parameters, conditions, resources and outputs, in the order written.
///
/// ```swift
/// let storage = Stack("storage", description: "The four pipeline buckets") {
///   environment
///   rawBucket
///   workBucket
/// }
/// ```
public struct Stack: Sendable {
  public var name: String
  public var description: String
  public var members: [StackMember]
  public var origin: SourceLocation

  public init(
    _ name: String, description: String, file: StaticString = #filePath, line: UInt = #line,
    @StackBuilder members: () -> [StackMember]
  ) {
    self.name = name
    self.description = description
    self.members = members()
    self.origin = .blueprint(file, line)
  }

  public var declarations: [any ResourceDeclaration] {
    members.compactMap { if case .resource(let declaration) = $0 { declaration } else { nil } }
  }
  public var parameters: [StackParameter] {
    members.compactMap { if case .parameter(let parameter) = $0 { parameter } else { nil } }
  }
  public var conditions: [Condition] {
    members.compactMap { if case .condition(let condition) = $0 { condition } else { nil } }
  }
  public var outputs: [StackOutput] {
    members.compactMap { if case .output(let output) = $0 { output } else { nil } }
  }
}

/// One thing a stack holds.
public enum StackMember: Sendable {
  case resource(any ResourceDeclaration)
  case parameter(StackParameter)
  case condition(Condition)
  case output(StackOutput)
}

/// Lists a stack's members as plain statements, with `if` and `for` allowed.
@resultBuilder
public enum StackBuilder {
  public static func buildExpression(_ declaration: any ResourceDeclaration) -> [StackMember] {
    [.resource(declaration)]
  }
  public static func buildExpression(_ declarations: [any ResourceDeclaration]) -> [StackMember] {
    declarations.map { .resource($0) }
  }
  public static func buildExpression(_ parameter: StackParameter) -> [StackMember] {
    [.parameter(parameter)]
  }
  public static func buildExpression(_ condition: Condition) -> [StackMember] {
    [.condition(condition)]
  }
  public static func buildExpression(_ output: StackOutput) -> [StackMember] { [.output(output)] }
  public static func buildBlock(_ parts: [StackMember]...) -> [StackMember] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [StackMember]?) -> [StackMember] { part ?? [] }
  public static func buildEither(first: [StackMember]) -> [StackMember] { first }
  public static func buildEither(second: [StackMember]) -> [StackMember] { second }
  public static func buildArray(_ parts: [[StackMember]]) -> [StackMember] { parts.flatMap { $0 } }
}
