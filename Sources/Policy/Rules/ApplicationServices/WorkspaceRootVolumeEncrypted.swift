import Template

extension ApplicationServices {
  /// WSP002: workSpaces root volumes are encrypted.
  static let workspaceRootVolumeEncrypted = Rule(
    id: "WSP002", title: "WorkSpaces root volumes are encrypted", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::WorkSpaces::Workspace"],
    rationale:
      "The root volume holds the operating system, page file and application caches; it is not encrypted unless RootVolumeEncryptionEnabled is true.",
    remediation:
      "Set RootVolumeEncryptionEnabled: true and VolumeEncryptionKey."
  ) { context in
    context.requireTrue(
      "RootVolumeEncryptionEnabled", question: "the root volume is encrypted",
      absent: "root volume is not encrypted (RootVolumeEncryptionEnabled is not set)",
      isFalse: "root volume is not encrypted (RootVolumeEncryptionEnabled: false)")
  }
}
