/// Logging, versioning and backup: what happened can be reconstructed, and what was lost restored.
public enum Logging {
  public static let theme = "logging"

  public static var rules: [Rule] {
    [
      bucketAccessLogging, bucketVersioning, tablePointInTimeRecovery, logGroupRetention,
      repositoryScanOnPush,
      repositoryImmutableTags, functionFailureDestination, alarmHasAction,
    ]
  }
}
