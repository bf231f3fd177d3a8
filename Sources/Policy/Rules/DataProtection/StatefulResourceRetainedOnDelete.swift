import Template

extension DataProtection {
  /// DAT002: stateful resources survive the deletion of their stack.
  static let statefulDeletionPolicy = Rule(
    id: "DAT002", title: "Stateful resource has DeletionPolicy Retain", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: statefulTypes,
    rationale:
      "CloudFormation's default DeletionPolicy is Delete: deleting or renaming the stack deletes tables and log groups with their contents, and schedules keys for deletion, after which everything they encrypted is unreadable.",
    remediation:
      "Set DeletionPolicy: Retain (or RetainExceptOnCreate) on every resource that holds data: buckets, tables, keys, log groups, queues, streams, file systems, databases, secrets; Snapshot also keeps the data of a database, cache or volume."
  ) { context in
    context.findingsPerResource { logicalID, resource in
      judgeRetention(
        resource.deletionPolicy, attribute: "DeletionPolicy", event: "with its stack",
        logicalID: logicalID, type: resource.type, in: context)
    }
  }
}
