import Semantics
import Template

extension Analytics {
  /// GLU002: a Glue security configuration encrypts what jobs write.
  static let glueSecurityConfigurationEncrypts = Rule(
    id: "GLU002", title: "Glue security configurations encrypt S3 data, logs and bookmarks", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Glue::SecurityConfiguration"],
    rationale:
      "A security configuration is where Glue jobs, crawlers and endpoints get their encryption; a mode left DISABLED (or missing) writes that output unencrypted.",
    remediation:
      "Set S3Encryptions[].S3EncryptionMode SSE-KMS, CloudWatchEncryption.CloudWatchEncryptionMode SSE-KMS and JobBookmarksEncryption.JobBookmarksEncryptionMode CSE-KMS, each with a KmsKeyArn."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let configuration = context.property(logicalID, "EncryptionConfiguration")
      let modes = [
        ("S3 data", configuration.child("S3Encryptions").items().child("S3EncryptionMode")),
        ("CloudWatch logs", configuration.path("CloudWatchEncryption", "CloudWatchEncryptionMode")),
        ("job bookmarks", configuration.path("JobBookmarksEncryption", "JobBookmarksEncryptionMode")),
      ]
      return modes.flatMap { what, mode in
        context.judge(
          mode.possibilities.isEmpty ? context.reading([Resolved(.absent)]) : mode,
          logicalID: logicalID, path: "Properties.EncryptionConfiguration",
          question: "\(what) are encrypted"
        ) {
          context.expectNone(
            of: ["DISABLED"], $0, absent: "\(what) are not encrypted (no encryption mode)"
          ) { "\(what) are not encrypted (\($0))" }
        }
      }
    }
  }
}
