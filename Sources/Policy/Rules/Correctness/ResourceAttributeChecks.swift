import Schemas
import Semantics
import Template

extension Rule {
  /// SCH013: a `DeletionPolicy` or `UpdateReplacePolicy` that is not one of CloudFormation's values.
  public static let invalidResourcePolicy = Rule(
    id: "SCH013", title: "Invalid deletion or replacement policy", severity: .error,
    family: .correctness, theme: "schema",
    rationale:
      "`DeletionPolicy` and `UpdateReplacePolicy` take one string: Delete, Retain, RetainExceptOnCreate or Snapshot; a list or another word is rejected, and the resource's data is not protected as intended.",
    remediation: "Write one of Delete, Retain, RetainExceptOnCreate, Snapshot."
  ) { context in
    var findings: [Finding] = []
    for entry in context.template.resources.entries
    where !TemplateIndex.isExpansion(entry.key)
      && (entry.value.deletionPolicy != nil || entry.value.updateReplacePolicy != nil)
    {
      for (name, value) in [
        ("DeletionPolicy", entry.value.deletionPolicy),
        ("UpdateReplacePolicy", entry.value.updateReplacePolicy),
      ] {
        guard let value else { continue }
        let shown: String
        var hint = ""
        switch value.kind {
        case .string(let text):
          guard !ResourcePolicyValues.all.contains(text) else { continue }
          shown = "'\(text)'"
          hint = Suggestion.phrase(for: text, in: ResourcePolicyValues.all)
        case .intrinsic: continue
        default: shown = value.kindDescription
        }
        findings.append(
          context.finding(
            "resource '\(entry.key)' has \(name) \(shown), which is not one of \(ResourcePolicyValues.all.joined(separator: ", "))\(hint)",
            logicalID: entry.key, at: value.location ?? entry.value.location, path: name))
      }
    }
    return findings
  }

  /// SCH014: a module with `CreationPolicy` or `UpdatePolicy`, which modules do not accept.
  public static let moduleResourceAttribute = Rule(
    id: "SCH014", title: "Creation or update policy on a module", severity: .error,
    family: .correctness, theme: "schema",
    rationale:
      "A module (`Namespace::Service::Name::MODULE`) expands into the resources it contains; CloudFormation rejects `CreationPolicy` and `UpdatePolicy` on the module itself.",
    remediation: "Move the policy into the module's own template, on the resource it applies to."
  ) { context in
    var findings: [Finding] = []
    for entry in context.template.resources.entries
    where entry.value.type?.hasSuffix("::MODULE") == true {
      for (name, value) in [
        ("CreationPolicy", entry.value.creationPolicy), ("UpdatePolicy", entry.value.updatePolicy),
      ] {
        guard let value else { continue }
        findings.append(
          context.finding(
            "module '\(entry.key)' has \(name), which modules do not accept", logicalID: entry.key,
            at: value.location ?? entry.value.location, path: name))
      }
    }
    return findings
  }

  /// SCH015: a DynamoDB table whose key attributes and attribute definitions do not match.
  public static let dynamoDBAttributeDefinitions = Rule(
    id: "SCH015", title: "DynamoDB attribute definitions do not match the keys", severity: .error,
    family: .correctness, theme: "schema", resourceTypes: ["AWS::DynamoDB::Table"],
    rationale:
      "A table's AttributeDefinitions must define exactly the attributes its KeySchema and its indexes' key schemas use: CloudFormation rejects a key attribute without a definition and a definition no key uses.",
    remediation: "Define every key attribute once, and remove definitions that no key schema uses."
  ) { context in
    var findings: [Finding] = []
    for logicalID in context.inspectedLogicalIDs {
      guard let resource = context.template.resources[logicalID] else { continue }
      guard let definitions = resource.properties["AttributeDefinitions"]?.listValue,
        let defined = DynamoDBKeys.literalNames(definitions),
        let used = DynamoDBKeys.keyAttributes(of: resource)
      else { continue }
      let location = resource.properties.entry("AttributeDefinitions")?.keyLocation
      for name in used.filter({ !defined.contains($0) }) {
        findings.append(
          context.finding(
            "table '\(logicalID)' uses key attribute '\(name)', which AttributeDefinitions does not define",
            logicalID: logicalID, at: location, path: "Properties.AttributeDefinitions"))
      }
      for name in defined.filter({ !used.contains($0) }) {
        findings.append(
          context.finding(
            "table '\(logicalID)' defines attribute '\(name)', which no key schema uses",
            logicalID: logicalID, at: location, path: "Properties.AttributeDefinitions"))
      }
    }
    return findings
  }
}

enum ResourcePolicyValues {
  static let all = ["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"]
}

/// The attribute names a DynamoDB table's definitions and key schemas name, when all are literal.
enum DynamoDBKeys {
  static func literalNames(_ items: [Value]) -> [String]? {
    var names: [String] = []
    for item in items {
      guard let name = item["AttributeName"]?.stringValue else { return nil }
      if !names.contains(name) { names.append(name) }
    }
    return names
  }

  /// The attributes of the table's key schema and its indexes'; `nil` when any is not literal.
  static func keyAttributes(of resource: Resource) -> [String]? {
    var schemas: [Value] = []
    guard let table = resource.properties["KeySchema"] else { return nil }
    schemas.append(table)
    for indexes in ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"] {
      guard let value = resource.properties[indexes] else { continue }
      guard let list = value.listValue else { return nil }
      for index in list {
        guard let keys = index["KeySchema"] else { return nil }
        schemas.append(keys)
      }
    }
    var names: [String] = []
    for schema in schemas {
      guard let items = schema.listValue, let found = literalNames(items) else { return nil }
      for name in found where !names.contains(name) { names.append(name) }
    }
    return names
  }
}
