import Template

/// Builds the security section from the resources that change: IAM statements, managed
/// policy and policy attachments, security-group rules, and protective settings.
enum SecurityAnalysis {
  static func analyze(old: Template, new: Template, changes: [ResourceChange]) -> SecurityReport {
    var report = SecurityReport()
    var oldRules: [NetworkRules.Rule] = []
    var newRules: [NetworkRules.Rule] = []
    for change in changes {
      let before = change.kind == .added ? nil : old.resources[change.logicalID]
      let after = change.kind == .removed ? nil : new.resources[change.logicalID]
      report.statements += statements(change.logicalID, before, after)
      report.statements += attachments(change.logicalID, before, after)
      if let before {
        oldRules += NetworkRules.rules(logicalID: change.logicalID, resource: before)
      }
      if let after { newRules += NetworkRules.rules(logicalID: change.logicalID, resource: after) }
      if let before, let after {
        report.protections += Protections.compare(
          logicalID: change.logicalID, old: before, new: after)
      }
    }
    report.networkRules = NetworkRules.compare(old: oldRules, new: newRules)
    return report
  }

  private static func statements(_ logicalID: String, _ before: Resource?, _ after: Resource?)
    -> [StatementChange]
  {
    let oldDocuments =
      before.map { PolicyDocuments.documents(logicalID: logicalID, resource: $0) } ?? []
    let newDocuments =
      after.map { PolicyDocuments.documents(logicalID: logicalID, resource: $0) } ?? []
    var result: [StatementChange] = []
    var matched = Set<String>()
    for document in newDocuments {
      let previous = oldDocuments.first {
        $0.path == document.path && $0.resourceType == document.resourceType
      }
      if previous != nil { matched.insert(document.path.description) }
      result += StatementComparison.compare(old: previous, new: document)
    }
    for document in oldDocuments where !matched.contains(document.path.description) {
      result += StatementComparison.compare(old: document, new: nil)
    }
    return result
  }

  /// Managed policies attached to a role, user or group, and the principals an
  /// `AWS::IAM::Policy` or managed policy is attached to: each attachment grants a whole
  /// policy, so it is a statement-level change.
  private static func attachments(_ logicalID: String, _ before: Resource?, _ after: Resource?)
    -> [StatementChange]
  {
    let type = after?.type ?? before?.type ?? "?"
    let keys: [(String, String)]
    switch type {
    case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
      keys = [
        ("ManagedPolicyArns", "managed policy"), ("PermissionsBoundary", "permissions boundary"),
      ]
    case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
      keys = [
        ("Roles", "attached to role"), ("Users", "attached to user"),
        ("Groups", "attached to group"),
      ]
    default:
      return []
    }
    var result: [StatementChange] = []
    for (key, label) in keys {
      let oldItems = PolicyDocument.elements(before?.properties[key])
      let newItems = PolicyDocument.elements(after?.properties[key])
      let oldPrints = Set(oldItems.map { Fingerprint.of($0) })
      let newPrints = Set(newItems.map { Fingerprint.of($0) })
      // A permissions boundary limits; adding one narrows, removing one broadens.
      let limits = key == "PermissionsBoundary"
      for item in newItems where !oldPrints.contains(Fingerprint.of(item)) {
        result.append(
          StatementChange(
            logicalID: logicalID, resourceType: type, document: PropertyPath("Properties", key),
            kind: .added,
            impact: limits ? .narrowing : .broadening, old: nil, new: item,
            details: ["\(label) added: \(StatementComparison.texts(item).joined())"]))
      }
      for item in oldItems where !newPrints.contains(Fingerprint.of(item)) {
        result.append(
          StatementChange(
            logicalID: logicalID, resourceType: type, document: PropertyPath("Properties", key),
            kind: .removed,
            impact: limits ? .broadening : .narrowing, old: item, new: nil,
            details: ["\(label) removed: \(StatementComparison.texts(item).joined())"]))
      }
    }
    return result
  }
}
