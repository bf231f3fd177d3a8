import FormationCLI

DataPreloading.start(for: CommandLine.arguments.dropFirst())
FormationCommand.runAsFormationCommand()
