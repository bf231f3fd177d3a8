/// A Lambda runtime identifier. An open set: the current runtimes are static members, and
/// `LambdaRuntime(rawValue:)` is the escape hatch for one AWS adds later.
public struct LambdaRuntime: RawRepresentable, Hashable, Sendable {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let python312 = LambdaRuntime(rawValue: "python3.12")
  public static let python313 = LambdaRuntime(rawValue: "python3.13")
  public static let nodejs20 = LambdaRuntime(rawValue: "nodejs20.x")
  public static let nodejs22 = LambdaRuntime(rawValue: "nodejs22.x")
  public static let java21 = LambdaRuntime(rawValue: "java21")
  public static let providedAL2023 = LambdaRuntime(rawValue: "provided.al2023")

  /// Runtimes whose code CloudFormation can take inline (`Code.ZipFile`): Python and Node.js.
  public var acceptsInlineCode: Bool {
    rawValue.hasPrefix("python") || rawValue.hasPrefix("nodejs")
  }
}
