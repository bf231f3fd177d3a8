import Template

extension Logging {
  /// LOG005: ECR repositories scan images when they are pushed.
  static let repositoryScanOnPush = Rule(
    id: "LOG005", title: "ECR repository scans images on push", severity: .warning, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::ECR::Repository"],
    rationale:
      "Scanning on push records the known vulnerabilities of every image that could run, before a job uses it.",
    remediation:
      "Set ImageScanningConfiguration.ScanOnPush: true (or configure enhanced scanning for the registry)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "ImageScanningConfiguration", "ScanOnPush"),
        logicalID: logicalID,
        path: "Properties.ImageScanningConfiguration.ScanOnPush",
        question: "images are scanned on push"
      ) {
        context.expectTrue(
          $0, absent: "repository does not scan images on push",
          isFalse: "repository has ScanOnPush: false")
      }
    }
  }
}
