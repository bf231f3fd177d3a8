import Template

extension Logging {
  /// LOG002: buckets that hold data keep object versions.
  static let bucketVersioning = Rule(
    id: "LOG002", title: "S3 bucket that holds data has versioning enabled", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "Without versioning an overwrite or a delete (a buggy pipeline step, a compromised role) destroys the only copy. Buckets that only receive access logs (the destination of another bucket's LoggingConfiguration, or AccessControl LogDeliveryWrite) are not checked.",
    remediation:
      "Set VersioningConfiguration.Status: Enabled, with a lifecycle rule expiring noncurrent versions."
  ) { context in
    // The buckets other buckets log to, found from the buckets' properties as written, without
    // copying any bucket (most have no LoggingConfiguration, and nothing to resolve).
    let buckets = context.inspectedLogicalIDs
    var logTargets: Set<String> = []
    for logicalID in buckets {
      guard
        let logging = context.store.properties(of: logicalID)?.properties["LoggingConfiguration"]
      else { continue }
      logTargets.formUnion(context.referencedResources(logging["DestinationBucketName"]))
    }
    return buckets.flatMap { logicalID -> [Finding] in
      let logDelivery = context.property(logicalID, "AccessControl").possibilities.contains {
        $0.text == "LogDeliveryWrite"
      }
      if logTargets.contains(logicalID) || logDelivery { return [] }
      return context.judge(
        context.property(logicalID, "VersioningConfiguration", "Status"), logicalID: logicalID,
        path: "Properties.VersioningConfiguration.Status", question: "versioning is enabled"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success("Enabled"?): return .pass
        case .success(nil):
          return .fail(
            "bucket has no VersioningConfiguration; overwritten and deleted objects cannot be recovered"
          )
        case .success(let status?): return .fail("bucket versioning is \(status), not Enabled")
        }
      }
    }
  }
}
