/// Batch and events: the pipeline's compute and triggers follow the same rules as its data.
public enum BatchAndEvents {
  public static let theme = "batch-and-events"

  public static var rules: [Rule] {
    [
      privilegedJobDefinition, computeEnvironmentEncryption, eventTargetDeadLetter, dataSyncLogging,
      dataSyncVerification, batchRolesCannotDestroyKeys,
    ]
  }
}
