import Foundation
import Semantics
import Template
import Schemas

/// What the resource-schema checks find in one template, worked out in one pass over its
/// resources and shared by the checks (each reports one kind).
final class SchemaFacts: Sendable {
  struct Located: Sendable {
    var logicalID: String
    var issue: SchemaIssue
  }

  let issues: [Located]

  init(_ template: Template, index: TemplateIndex, schemas: ResourceSchemas = .shipped) {
    // A macro may rewrite any property: what it receives is not what CloudFormation checks.
    guard !index.hasMacroTransform else {
      issues = []
      return
    }
    var issues: [Located] = []
    // A template repeats a few types many times: each is looked up once.
    var schemaOf: [String: ResourceSchema?] = [:]
    template.resources.entries.withUnsafeBufferPointer { entries in
      for position in entries.indices where !TemplateIndex.isExpansion(entries[position].key) {
        guard let type = entries[position].value.type else { continue }
        let schema: ResourceSchema?
        if let known = schemaOf[type] {
          schema = known
        } else {
          schema = ResourceTypeName.problem(with: type) == nil ? schemas[type] : nil
          schemaOf[type] = .some(schema)
        }
        guard let schema else { continue }
        var validation = PropertyValidation(template: template, schema: schema)
        validation.check(
          entries[position].value, at: entries[position].value.location ?? entries[position].keyLocation)
        for var issue in validation.issues {
          if PackagedProperty.isPackagerInput(issue, type: type, resource: entries[position].value) {
            issue.severity = .warning
            issue.message += "; `aws cloudformation package` makes it one from a path or an S3 URI: package the template before deploying it"
          }
          issues.append(Located(logicalID: entries[position].key, issue: issue))
        }
      }
    }
    self.issues = issues
  }

  /// Types the checks leave alone: custom resources, modules, SAM's and third-party registry types.
  static func isUnchecked(_ type: String) -> Bool {
    type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource"
      || type.hasSuffix("::MODULE") || type.hasPrefix("AWS::Serverless::")
      || type == "AWS::CDK::Metadata"
      || !(type.hasPrefix("AWS::") || type.hasPrefix("Alexa::"))
  }
}

extension SchemaFacts: TemplateDerivation {
  convenience init(deriving memo: TemplateMemo) {
    self.init(memo.template, index: memo.value(CorrectnessFacts.self).index)
  }
}

extension RuleContext {
  /// The schema findings of this context's template, shared by every schema check.
  var schemaFacts: SchemaFacts { memo.value(SchemaFacts.self) }

  /// The findings of one kind of schema issue.
  func schemaFindings(_ kind: SchemaIssue.Kind) -> [Finding] {
    schemaFacts.issues.compactMap { located in
      guard located.issue.kind == kind else { return nil }
      return finding(
        "resource '\(located.logicalID)': \(located.issue.message)", logicalID: located.logicalID,
        at: located.issue.location, path: located.issue.path, severity: located.issue.severity)
    }
  }
}
