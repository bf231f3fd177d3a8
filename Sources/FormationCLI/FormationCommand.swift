import ArgumentParser

/// `formation`: the umbrella command; each subcommand lives in its own file.
public struct FormationCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "formation",
    abstract: "Validate, lint, diff and convert CloudFormation templates.",
    subcommands: [
      ValidateCommand.self, ConvertCommand.self, LintCommand.self, DiffCommand.self,
      ExplainCommand.self,
    ]
  )

  public init() {}
}
