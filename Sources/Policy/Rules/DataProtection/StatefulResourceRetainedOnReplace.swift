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
    // The two parts it judges are read in place: handing each resource over copied it whole.
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let (policy, type) =
        context.template.resources.reading(logicalID) { ($0.updateReplacePolicy, $0.type) } ?? (
          nil, nil
        )
      return judgeRetention(
        policy, attribute: "UpdateReplacePolicy",
        event: "when an update replaces it",
        logicalID: logicalID, type: type, in: context)
    }
  }
}
