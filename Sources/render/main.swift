import FormationCLI
RenderCommand.main()
