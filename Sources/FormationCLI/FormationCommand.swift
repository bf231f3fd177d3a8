import ArgumentParser
import Policy

/// `formation`: the umbrella command; each subcommand lives in its own file.
public struct FormationCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "formation",
    abstract: "Validate, lint, diff and convert CloudFormation templates.",
    version: FormationRelease.version,
    subcommands: [
      ValidateCommand.self, ConvertCommand.self, LintCommand.self, DiffCommand.self,
      ExplainCommand.self, GraphCommand.self,
    ]
  )

  public init() {}
}
