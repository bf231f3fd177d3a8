import Formation

/// The GeneXOmics sequencing pipeline: every stack of its architecture, in deploy order. The
/// operator's guide (`docs/genexomics.md`) says how to deploy and run it.
///
/// Stacks reference each other as Swift values (`Storage.rawBucket.arn`); the linker turns
/// each such reference into an export and an import and derives the deploy order from them.
public enum GeneXOmics {
  /// Separates deployments in one account (`dev`, `prod`): part of every physical name and
  /// export name, so two environments never collide.
  public static let environment = StackParameter(
    "Environment",
    description: "Deployment environment; part of every physical name and export name.",
    default: "prod", allowedPattern: "^[a-z][a-z0-9-]{1,11}$",
    constraintDescription: "2 to 12 lowercase letters, digits and hyphens, starting with a letter")

  /// Who answers for the deployment: a team or a person's address, for the `Owner` tag.
  public static let owner = StackParameter(
    "Owner", description: "Team or person responsible for this deployment (the Owner tag).",
    default: "genexomics-platform", allowedPattern: "^[A-Za-z0-9 _.:/=+@-]{1,256}$",
    constraintDescription: "1 to 256 characters allowed in a tag value")

  /// The cost center the deployment's spending is charged to, for the `CostCenter` tag.
  public static let costCenter = StackParameter(
    "CostCenter", description: "Cost center charged for this deployment (the CostCenter tag).",
    default: "unassigned", allowedPattern: "^[A-Za-z0-9 _.:/=+@-]{1,256}$",
    constraintDescription: "1 to 256 characters allowed in a tag value")

  /// Tags on every taggable resource (and the Batch instances' volumes), for cost allocation
  /// per environment and ownership.
  public static let tags = [
    Tag("Project", "GeneXOmics"), Tag("Environment", Value.ref(environment.name)),
    Tag("Owner", Value.ref(owner.name)), Tag("CostCenter", Value.ref(costCenter.name)),
    Tag("ManagedBy", "Formation"),
  ]

  /// Fixed duty names of roles that policies in earlier stacks must name (the raw bucket's
  /// policy names the DataSync role). A name, not the `Role` value: the role's own policy
  /// refers to the bucket, and two static values must not initialise each other.
  public enum RoleName {
    public static let dataSync = "datasync-raw-writer"
  }

  /// The ARN of a role of these blueprints built from its duty name, with no dependency on the
  /// stack that creates it.
  public static func roleARN(named name: String) -> Value {
    Role.arn(ofDuty: name, application: "genexomics", environmentParameter: environment.name)
  }

  /// The ARN of a job definition of these blueprints without its revision: what other stacks
  /// submit to, so registering a new revision changes nothing they import.
  public static func jobDefinitionARN(_ definition: JobDefinition) -> ARN<JobDefinition> {
    definition.arnWithoutRevision(application: "genexomics", environmentParameter: environment.name)
  }

  /// Every revision of a job definition of these blueprints, for `batch:SubmitJob` policies.
  public static func jobDefinitionRevisionsARN(_ definition: JobDefinition) -> ARN<JobDefinition> {
    definition.arnOfEveryRevision(application: "genexomics", environmentParameter: environment.name)
  }

  /// Ingestion comes before orchestration: the trigger starts runs when a DataSync execution
  /// succeeds, so the orchestration stack imports the transfer task.
  public static var application: Application {
    Application(
      name: "genexomics", environment: environment, sharedParameters: [owner, costCenter],
      tags: tags,
      stacks: [
        Keys.stack, Network.stack, Storage.stack, Data.stack, Compute.stack, Ingestion.stack,
        Orchestration.stack, Monitoring.stack,
      ])
  }
}
