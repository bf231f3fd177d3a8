import Template

extension DataProtection {
  /// DAT003: stateful resources survive a replacing update.
  static let statefulReplacePolicy = Rule(
    id: "DAT003", title: "Stateful resource has UpdateReplacePolicy Retain", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: statefulTypes,
    rationale:
      "A change to a create-only property (a table's key schema, a bucket's name) replaces the resource; with the default UpdateReplacePolicy Delete the old one and its data are deleted once the new one exists.",
    remediation:
      "Set UpdateReplacePolicy: Retain (matching DeletionPolicy) on every resource that holds data: buckets, tables, keys, log groups, queues, streams, file systems, databases, secrets; Snapshot also keeps the data of a database, cache or volume."
  ) { context in
    context.findingsPerResource { logicalID, resource in
      judgeRetention(
        resource.updateReplacePolicy, attribute: "UpdateReplacePolicy",
        event: "when an update replaces it",
        logicalID: logicalID, type: resource.type, in: context)
    }
  }
}
