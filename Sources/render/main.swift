import FormationCLI

RenderCommand.runAsFormationCommand()
