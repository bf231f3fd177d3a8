import ArgumentParser

/// `formation render` / `swift run render`: writes the blueprints' stacks to `generated/`.
public struct RenderCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render the blueprints to CloudFormation YAML in generated/."
  )

  public init() {}

  public func run() throws {
    print("render: not implemented yet")
  }
}
