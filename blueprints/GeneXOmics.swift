import Formation

/// The GeneXOmics sequencing pipeline: every stack of the architecture in
/// `shared/seed/000_3fe32ac225355e43.txt`, in deploy order.
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

  /// Tags on every taggable resource, for cost allocation and ownership.
  public static let tags = [Tag("Project", "GeneXOmics"), Tag("ManagedBy", "Formation")]

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

  public static var application: Application {
    Application(
      name: "genexomics", environment: environment, tags: tags,
      stacks: [
        Keys.stack, Network.stack, Storage.stack, Data.stack, Compute.stack, Orchestration.stack,
        Ingestion.stack,
        Monitoring.stack,
      ])
  }
}
