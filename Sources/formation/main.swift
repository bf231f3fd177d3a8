import FormationCLI

FormationCommand.runAsFormationCommand()
