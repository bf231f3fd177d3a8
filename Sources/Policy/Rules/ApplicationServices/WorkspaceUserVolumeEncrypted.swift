import Template

extension ApplicationServices {
  /// WSP001: workSpaces user volumes are encrypted.
  static let workspaceUserVolumeEncrypted = Rule(
    id: "WSP001", title: "WorkSpaces user volumes are encrypted", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::WorkSpaces::Workspace"],
    rationale:
      "The user volume holds the user's files and cached credentials; it is not encrypted unless UserVolumeEncryptionEnabled is true.",
    remediation:
      "Set UserVolumeEncryptionEnabled: true and VolumeEncryptionKey."
  ) { context in
    context.requireTrue(
      "UserVolumeEncryptionEnabled", question: "the user volume is encrypted",
      absent: "user volume is not encrypted (UserVolumeEncryptionEnabled is not set)",
      isFalse: "user volume is not encrypted (UserVolumeEncryptionEnabled: false)")
  }
}
