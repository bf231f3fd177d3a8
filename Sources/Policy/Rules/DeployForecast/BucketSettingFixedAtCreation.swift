import Template

extension DeployForecast {
  /// DEP006: bucket settings that can't be taken back are decided knowingly.
  static let bucketSettingFixedAtCreation = Rule(
    id: "DEP006", title: "Bucket settings that cannot change after creation", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "Object Lock can never be turned off once a bucket has it, and changing ObjectLockEnabled in the template replaces the bucket, which fails while BucketName is fixed (the old bucket still holds the name). Object Lock needs versioning Enabled, and versioning once enabled can only be suspended, never removed: a template that suspends it, or locks objects without it, fails or does not do what it says.",
    remediation:
      "Decide Object Lock before the first deployment and suppress this finding with the reason; keep VersioningConfiguration Enabled on locked buckets; never plan to go back to an unversioned bucket."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      guard let properties = context.template.resources.reading(logicalID, \.properties) else { return [] }
      var findings: [Finding] = []
      let versioning = properties["VersioningConfiguration"]?["Status"]
      if let lock = properties["ObjectLockEnabled"], lock.boolValue == true || lock.stringValue == "true" {
        if properties["BucketName"] != nil {
          findings.append(
            context.finding(
              "Object Lock can never be turned off, and changing ObjectLockEnabled replaces the bucket, which fails while BucketName is fixed; decide it before the first deployment",
              logicalID: logicalID, at: lock.location ?? context.location(of: logicalID),
              path: "Properties.ObjectLockEnabled"))
        }
        if versioning?.stringValue != "Enabled" {
          findings.append(
            context.finding(
              "Object Lock needs versioning Enabled, and VersioningConfiguration is \(versioning?.stringValue ?? "not set"): S3 rejects the bucket",
              logicalID: logicalID, at: lock.location ?? context.location(of: logicalID),
              path: "Properties.VersioningConfiguration", severity: .error))
        }
      }
      if let versioning, versioning.stringValue == "Suspended" {
        findings.append(
          context.finding(
            "versioning is Suspended: a bucket once versioned never becomes unversioned again, and its old versions stay (and cost) until a lifecycle rule expires them",
            logicalID: logicalID, at: versioning.location ?? context.location(of: logicalID),
            path: "Properties.VersioningConfiguration.Status", severity: .info))
      }
      return findings
    }
  }
}
