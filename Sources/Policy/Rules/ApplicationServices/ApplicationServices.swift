/// Application services (CodeBuild, WorkSpaces, Backup, AppSync, ECS, endpoint services): artifacts and volumes encrypted, activity logged, connections accepted on purpose.
public enum ApplicationServices {
  public static let theme = "application-services"

  public static var rules: [Rule] {
    [codeBuildArtifactsEncrypted, workspaceUserVolumeEncrypted, workspaceRootVolumeEncrypted, backupVaultCustomerKey, appSyncLogging, appSyncFieldLogs, endpointServiceAcceptance, ecsContainerInsights, ecsEFSTransitEncryption]
  }
}
