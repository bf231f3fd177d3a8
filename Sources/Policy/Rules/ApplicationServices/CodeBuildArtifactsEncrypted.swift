import Template

extension ApplicationServices {
  /// CBD001: codeBuild projects encrypt their artifacts.
  static let codeBuildArtifactsEncrypted = Rule(
    id: "CBD001", title: "CodeBuild projects encrypt their artifacts", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::CodeBuild::Project"],
    rationale:
      "EncryptionDisabled: true writes build artifacts, which often hold packaged code and configuration, to S3 without encryption.",
    remediation:
      "Remove Artifacts.EncryptionDisabled (or set it false) and set EncryptionKey to a customer-managed key."
  ) { context in
    context.requireNotTrue(
      "Artifacts", "EncryptionDisabled", question: "artifacts are encrypted",
      isTrue: "build artifacts are not encrypted (Artifacts.EncryptionDisabled: true)")
  }
}
