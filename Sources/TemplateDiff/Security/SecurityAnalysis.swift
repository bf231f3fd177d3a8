import Semantics
import Template

/// Builds the security section from the resources that change: IAM statements, managed
/// policy and policy attachments, security-group rules, and protective settings.
enum SecurityAnalysis {
  static func analyze(old: Template, new: Template, changes: [ResourceChange]) -> SecurityReport {
    var report = SecurityReport()
    let resolvers = (old: Resolver(old), new: Resolver(new))
    var oldRules: [SecurityGroupRule] = []
    var newRules: [SecurityGroupRule] = []
    for change in changes {
      let before = change.kind == .added ? nil : old.resources[change.logicalID]
      let after = change.kind == .removed ? nil : new.resources[change.logicalID]
      report.statements += statements(change.logicalID, before, after, resolvers: resolvers)
      report.statements += attachments(change.logicalID, before, after)
      if let before {
        oldRules += SecurityGroupRules.rules(logicalID: change.logicalID, resource: before)
      }
      if let after {
        newRules += SecurityGroupRules.rules(logicalID: change.logicalID, resource: after)
      }
      if let before, let after {
        report.protections += Protections.compare(
          logicalID: change.logicalID, old: before, new: after)
      }
    }
    report.networkRules = NetworkRuleComparison.compare(
      old: oldRules, new: newRules, oldResolver: resolvers.old, newResolver: resolvers.new)
    return report
  }

  private static func statements(
    _ logicalID: String, _ before: Resource?, _ after: Resource?,
    resolvers: (old: Resolver, new: Resolver)
  ) -> [StatementChange] {
    let oldDocuments =
      before.map { documents(logicalID: logicalID, resource: $0, resolver: resolvers.old) } ?? []
    let newDocuments =
      after.map { documents(logicalID: logicalID, resource: $0, resolver: resolvers.new) } ?? []
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
      let oldItems = PolicyDocumentShape.elements(before?.properties[key])
      let newItems = PolicyDocumentShape.elements(after?.properties[key])
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
            details: ["\(label) added: \(text(item))"]))
      }
      for item in oldItems where !newPrints.contains(Fingerprint.of(item)) {
        result.append(
          StatementChange(
            logicalID: logicalID, resourceType: type, document: PropertyPath("Properties", key),
            kind: .removed,
            impact: limits ? .broadening : .narrowing, old: item, new: nil,
            details: ["\(label) removed: \(text(item))"]))
      }
    }
    return result
  }

  /// An attached policy or principal as text: the ARN or name as written.
  private static func text(_ item: Value) -> String {
    Fingerprint.scalarText(item) ?? ValueText.inline(item)
  }

  /// Every policy document of a resource, its statements read by the checker's parser:
  /// identity policies (inline role, user and group policies, `AWS::IAM::Policy`, managed
  /// policies), trust policies, and resource policies (any property shaped like a policy
  /// document, JSON strings included). A Lambda permission is the resource-policy statement
  /// it adds to its function.
  static func documents(logicalID: String, resource: Resource, resolver: Resolver)
    -> [StatementComparison.Document]
  {
    let type = resource.type ?? "?"
    let properties = Value(.map(resource.properties), at: resource.propertiesLocation)
    if type == "AWS::Lambda::Permission" {
      let statements = Statement.lambdaPermission(
        properties, resolver: resolver, at: resource.location)
      return [
        StatementComparison.Document(
          logicalID: logicalID, resourceType: type, path: PropertyPath("Properties"),
          statements: statements.map { .init(statement: $0, value: properties) })
      ]
    }
    let found = PolicyDocumentShape.documents(
      in: properties, at: PropertyPath("Properties"),
      key: { $0.appending(key: $1) },
      elements: { path, list in
        let key = ListIdentity.identityKey(list, list)
        return { index in
          if let key, let identity = ListIdentity.identity(of: list[index], key: key) {
            return path.appending(.element(key: key, value: identity))
          }
          return path.appending(.index(index))
        }
      })
    return found.map { path, document in
      let written = PolicyDocumentShape.statements(of: document)
      let parsed = PolicyDocument(parsing: document, resolver: resolver)
      return StatementComparison.Document(
        logicalID: logicalID, resourceType: type, path: path,
        statements: parsed.statements.map { statement in
          .init(
            statement: statement,
            value: written.indices.contains(statement.index) ? written[statement.index] : document)
        })
    }
  }
}
