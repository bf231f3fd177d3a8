import ArgumentParser

/// `formation`: the umbrella command; each subcommand lives in its own file.
public struct FormationCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "formation",
    abstract: "Typed CloudFormation: render blueprints, validate, lint and diff templates.",
    subcommands: [
      RenderCommand.self, ValidateCommand.self, ConvertCommand.self, LintCommand.self,
      DiffCommand.self, ExplainCommand.self,
    ]
  )

  public init() {}
}
