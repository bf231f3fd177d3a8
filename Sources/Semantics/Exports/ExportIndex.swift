import Template

/// The exports of the templates linted together, so `Fn::ImportValue` resolves across stacks.
///
/// The GeneXOmics stacks import their keys and subnets from the keys and network stacks; linted
/// one by one, every imported key would be "unknown". When several templates are linted in one
/// run, an import whose name matches another template's `Export.Name` (both resolved, parameter
/// defaults included) stands for the exported resource, named `stack::LogicalId`, so a bucket
/// encrypted with `!ImportValue genexomics-prod-keys-DataKey-Arn` is known to use a KMS key.
///
/// The `Checker` builds one for the templates it checks together and hands it to every rule
/// through the check's `TemplateMemo`; an empty index leaves imports unknown.
public struct ExportIndex: Sendable {
  /// One export: the template that declares it, the stack name it is known by and the value.
  public struct Export: Sendable {
    public var stack: String
    public var template: Template
    public var value: Value
  }

  private var exports: [String: Export] = [:]
  private var templates: [String: Template] = [:]
  /// One resolver per exporting stack, so every import of a run shares its tables.
  private var resolvers: [String: Resolver] = [:]

  public init() {}

  /// Indexes the exports of `templates`, each known by the name its file gives it (`keys` for
  /// `generated/keys.yaml`).
  public init(_ templates: [Template]) {
    for template in templates {
      let stack = Self.stackName(template.file ?? "template")
      self.templates[stack] = template
      let resolver = Resolver(template)
      resolvers[stack] = resolver
      for output in template.outputs.values {
        guard let name = output.exportName else { continue }
        for resolved in resolver.resolveString(name) {
          if let text = resolved.literal {
            exports[text] = Export(stack: stack, template: template, value: output.value)
          }
        }
      }
    }
  }

  public var isEmpty: Bool { exports.isEmpty }

  public func export(named name: String) -> Export? { exports[name] }

  /// The resource behind a `stack::LogicalId` name, with its template.
  public func resource(_ qualifiedID: String) -> (
    template: Template, logicalID: String, resource: Resource
  )? {
    guard let range = qualifiedID.range(of: "::") else { return nil }
    let stack = String(qualifiedID[..<range.lowerBound])
    let logicalID = String(qualifiedID[range.upperBound...])
    guard let template = templates[stack], let resource = template.resources[logicalID] else {
      return nil
    }
    return (template, logicalID, resource)
  }

  /// What an `Fn::ImportValue` of `name` stands for, when another linted template exports it.
  package func resolveImport(_ name: Value, with resolver: Resolver, at location: SourceLocation?)
    -> [Resolved]?
  {
    guard !exports.isEmpty else { return nil }
    let names = resolver.resolveString(name).compactMap(\.literal)
    guard let first = names.first, let export = exports[first] else { return nil }
    let exporter = resolvers[export.stack] ?? Resolver(export.template)
    return exporter.resolve(export.value).map { exported in
      var result = exported
      result.location = location
      if let reference = exported.string?.resourceReference {
        let qualified = "\(export.stack)::\(reference.logicalID)"
        let symbol: Symbol =
          reference.attribute.map { .attribute(qualified, $0) } ?? .ref(qualified)
        result.shape = .string(SymbolicString(symbol: symbol))
      }
      return result
    }
  }

  public static func stackName(_ file: String) -> String {
    let base = file.split(separator: "/").last.map(String.init) ?? file
    return base.split(separator: ".").first.map(String.init) ?? base
  }
}
