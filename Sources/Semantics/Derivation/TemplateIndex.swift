import Foundation
import Template

/// The names a template defines, looked up by every reference check.
///
/// CloudFormation resolves `Ref`, `Fn::GetAtt`, `${}` in `Fn::Sub`, `DependsOn`, `Condition`
/// and `Fn::FindInMap` against these sets; building them once per template keeps each check a
/// set lookup. The index also knows which transforms may add names the file does not show
/// (the SAM transform's generated roles and stages, a macro's output, `Fn::ForEach` copies),
/// so the checks can tell "undefined" from "defined by something the file runs through".
public struct TemplateIndex: Sendable {
  /// The pseudo parameters CloudFormation defines in every stack.
  public static let pseudoParameters: Set<String> = [
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
    "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
  ]

  /// The AWS Serverless Application Model transform.
  public static let serverlessTransform = "AWS::Serverless-2016-10-31"
  /// The language extensions transform (`Fn::ForEach`, `Fn::Length`, `Fn::ToJsonString`).
  public static let languageExtensionsTransform = "AWS::LanguageExtensions"
  /// The prefix of a `Fn::ForEach` loop key (`Fn::ForEach::Buckets`).
  public static let forEachPrefix = "Fn::ForEach::"

  /// Names the SAM transform adds whatever the template says: the implicit REST and HTTP APIs.
  package static let serverlessImplicitNames: [String] = ["ServerlessRestApi", "ServerlessHttpApi"]

  public let parameters: Set<String>
  /// Condition names: the literal ones and those a `Fn::ForEach` loop with a literal collection generates.
  public let conditions: Set<String>
  public let mappings: Set<String>
  /// Every resource's position in template order, by logical id.
  public let resourceOrder: [String: Int]
  /// Logical ids that `Fn::ForEach` loops with a literal collection generate (`Topic${Name}`
  /// over `[Orders, Invoices]` gives `TopicOrders`, `TopicInvoices`).
  public let generatedResources: Set<String>
  /// The `Transform` names, in the order written.
  public let transforms: [String]
  /// True when the Resources section has entries that expand into resources the index cannot
  /// name (a loop over a parameter's values, an `AWS::Include` snippet under `Fn::Transform`).
  public let resourcesHaveExpansions: Bool
  /// True when the Conditions section has a loop whose generated names the index cannot know.
  public let conditionsHaveExpansions: Bool
  /// Logical ids of `AWS::Serverless::*` resources: the SAM transform names what it generates after them.
  package let serverlessResources: [String]
  /// Logical ids of modules (`Org::Service::Name::MODULE`): CloudFormation names each resource
  /// a module adds with the module's logical id followed by the resource's (`Module` + `Bucket`).
  let moduleResources: [String]

  public init(_ template: Template) {
    parameters = Set(template.parameters.keys)
    mappings = Set(template.mappings.keys)
    var conditions: Set<String> = []
    var unknownConditions = false
    for entry in template.conditions.entries {
      guard Self.isExpansion(entry.key) else {
        conditions.insert(entry.key)
        continue
      }
      if let names = Self.expandedKeys(of: entry.value) {
        conditions.formUnion(names)
      } else {
        unknownConditions = true
      }
    }
    self.conditions = conditions
    conditionsHaveExpansions = unknownConditions
    var order: [String: Int] = [:]
    var generated: Set<String> = []
    var serverless: [String] = []
    var modules: [String] = []
    var expansions = false
    for (position, entry) in template.resources.entries.enumerated() {
      order[entry.key] = position
      if let type = entry.value.type {
        if type.hasPrefix("AWS::Serverless::") { serverless.append(entry.key) }
        if type.hasSuffix("::MODULE") { modules.append(entry.key) }
      }
      guard Self.isExpansion(entry.key) else { continue }
      if let loop = entry.value.loop, let names = Self.expandedKeys(of: loop) {
        generated.formUnion(names)
      } else {
        expansions = true
      }
    }
    resourceOrder = order
    generatedResources = generated
    serverlessResources = serverless
    moduleResources = modules
    resourcesHaveExpansions = expansions
    transforms = Self.transformNames(template.transform)
  }

  /// The keys a `Fn::ForEach` loop (`[Identifier, Collection, {Key: ...}]`) generates, when the
  /// collection is a literal list of strings; `nil` when it is computed (a `Ref` to a list
  /// parameter) or the body holds another loop. `${Identifier}` takes each value as is,
  /// `&{Identifier}` with its non-alphanumeric characters removed.
  public static func expandedKeys(of loop: Value) -> [String]? {
    guard case .list(let items) = loop.kind, items.count == 3,
      let identifier = items[0].stringValue,
      case .list(let collection) = items[1].kind, case .map(let body) = items[2].kind
    else { return nil }
    let values = collection.compactMap { item -> String? in
      switch item.kind {
      case .string(let text): return text
      case .number(let number): return number.literal
      default: return nil
      }
    }
    guard values.count == collection.count,
      !body.keys.contains(where: { $0.hasPrefix(forEachPrefix) })
    else {
      return nil
    }
    var keys: [String] = []
    for key in body.keys {
      for value in values {
        keys.append(Template.forEachSubstitution(key, identifier: identifier, value: value))
      }
    }
    return keys
  }

  /// True for a Resources (or Outputs) key that is not a logical id but something CloudFormation
  /// expands: `Fn::ForEach::Name` or `Fn::Transform` (an `AWS::Include` snippet).
  public static func isExpansion(_ key: String) -> Bool {
    key.hasPrefix(forEachPrefix) || key == "Fn::Transform"
  }

  /// The names in a `Transform` value: one string, or a list of strings.
  package static func transformNames(_ value: Value?) -> [String] {
    guard let value else { return [] }
    switch value.kind {
    case .string(let name): return [name]
    case .list(let items): return items.compactMap(\.stringValue)
    default: return []
    }
  }

  public var isServerless: Bool { transforms.contains(Self.serverlessTransform) }
  public var hasLanguageExtensions: Bool { transforms.contains(Self.languageExtensionsTransform) }
  /// A transform other than SAM and the language extensions: a macro that may rewrite anything.
  public var hasMacroTransform: Bool {
    transforms.contains { $0 != Self.serverlessTransform && $0 != Self.languageExtensionsTransform }
  }

  public func isResource(_ name: String) -> Bool {
    resourceOrder[name] != nil || !generatedResources.isEmpty && generatedResources.contains(name)
  }
  public func isParameter(_ name: String) -> Bool { parameters.contains(name) }
  public func isPseudoParameter(_ name: String) -> Bool { Self.pseudoParameters.contains(name) }

  /// True when `Ref` may name it: a parameter, a resource or a pseudo parameter.
  public func isReferenceable(_ name: String) -> Bool {
    isParameter(name) || isResource(name) || isPseudoParameter(name)
  }

  /// True when a transform or a module certainly generates `name`: under SAM, the implicit APIs
  /// and every name that starts with the logical id of a serverless resource (`MyFunctionRole`,
  /// `MyApiProdStage`, `MyFunction.Version`); with modules, every name that starts with a
  /// module's logical id (`ModuleBucket`).
  public func isGeneratedByTransform(_ name: String) -> Bool {
    if moduleResources.contains(where: { name.count > $0.count && name.hasPrefix($0) }) {
      return true
    }
    guard isServerless else { return false }
    if Self.serverlessImplicitNames.contains(where: { name.hasPrefix($0) }) { return true }
    return serverlessResources.contains { name.count > $0.count && name.hasPrefix($0) }
  }
}
