// The GeneXOmics blueprints.
import Formation
