import FormationCLI
FormationCommand.main()
