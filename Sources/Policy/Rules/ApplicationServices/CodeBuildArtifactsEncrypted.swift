import Template

extension ApplicationServices {
  /// CBD001: codeBuild projects encrypt their artifacts.
  static let codeBuildArtifactsEncrypted = Rule(
    id: "CBD001", title: "CodeBuild projects encrypt their artifacts", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::CodeBuild::Project"],
    rationale:
      "EncryptionDisabled: true writes build artifacts, which often hold packaged code and configuration, to S3 without encryption. It applies to S3 artifacts only: CodePipeline artifacts are encrypted by the pipeline's artifact store.",
    remediation:
      "Remove Artifacts.EncryptionDisabled (or set it false) and set EncryptionKey to a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let artifacts = context.property(logicalID, "Artifacts")
      // EncryptionDisabled applies to S3 artifacts only; CodePipeline artifacts are encrypted
      // by the pipeline's artifact store.
      let s3 = artifacts.filter { possibility in
        artifacts.of(possibility).child("Type").possibilities.contains {
          $0.text.map { $0.uppercased() == "S3" } ?? true
        }
      }
      return context.judge(
        s3.child("EncryptionDisabled"), logicalID: logicalID,
        path: "Properties.Artifacts.EncryptionDisabled", question: "artifacts are encrypted"
      ) {
        context.expectNotTrue(
          $0, isTrue: "build artifacts are not encrypted (Artifacts.EncryptionDisabled: true)")
      }
    }
  }
}
