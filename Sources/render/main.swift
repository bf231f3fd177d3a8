import Blueprints
import FormationCLI

RenderCommand.main(rendering: GeneXOmics.application)
