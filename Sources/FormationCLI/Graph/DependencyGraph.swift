import Policy
import Semantics
import Template

/// Nodes and labelled edges, in a fixed order: what `formation graph` draws and
/// `generated/README.md` embeds. Built from templates alone, so the same files give the same
/// bytes on every machine.
struct DependencyGraph: Sendable, Hashable {
  struct Node: Sendable, Hashable {
    var id: String
    var label: String
  }

  struct Edge: Sendable, Hashable, Comparable {
    var from: String
    var to: String
    var label: String

    static func < (lhs: Edge, rhs: Edge) -> Bool {
      (lhs.from, lhs.to, lhs.label) < (rhs.from, rhs.to, rhs.label)
    }
  }

  var nodes: [Node]
  var edges: [Edge]

  /// The stacks (a name and a template each) and an edge from each exporting stack to each
  /// stack that imports from it, labelled with the export names. An import no template
  /// exports comes from a node named after the export.
  static func stacks(_ stacks: [(name: String, template: Template)]) -> DependencyGraph {
    var exporter: [String: String] = [:]
    let names = stacks.map(\.name)
    let templates = stacks.map(\.template)
    for (stack, template) in zip(names, templates) {
      let resolver = Resolver(template)
      for output in template.outputs.values {
        guard let name = output.exportName else { continue }
        for resolved in resolver.resolveString(name) {
          if let text = resolved.literal { exporter[text] = stack }
        }
      }
    }
    var nodes = names.map { Node(id: $0, label: $0) }
    var imports: [String: [String: Set<String>]] = [:]  // importer → exporter → export names
    for (template, stack) in zip(templates, names) {
      let resolver = Resolver(template)
      for value in IntrinsicCollector.imports(in: template) {
        for resolved in resolver.resolveString(value) {
          let export = resolved.literal ?? "(computed export name)"
          let source = exporter[export] ?? "import: " + export
          imports[stack, default: [:]][source, default: []].insert(export)
        }
      }
    }
    let external = Set(imports.values.flatMap(\.keys)).subtracting(names).sorted()
    nodes += external.map { Node(id: $0, label: $0) }
    let edges = imports.flatMap { importer, sources in
      sources.map { source, exports in
        Edge(
          from: source, to: importer,
          label: exports.map { shortName($0, exportedBy: source) }.sorted().joined(separator: ", "))
      }
    }
    return DependencyGraph(nodes: nodes, edges: edges.sorted())
  }

  /// An export name without the part that repeats the exporting stack:
  /// `genexomics-prod-keys-DataKey-Arn` from `keys` is `DataKey-Arn`.
  static func shortName(_ export: String, exportedBy stack: String) -> String {
    guard let range = export.range(of: "-\(stack)-") else { return export }
    let rest = export[range.upperBound...]
    return rest.isEmpty ? export : String(rest)
  }

  /// The resources of one template and an edge for each `Ref`, `Fn::GetAtt` (labelled with
  /// the attribute), `${...}` in `Fn::Sub` and `DependsOn` from the resource that needs
  /// another to the one it needs. Parameters and pseudo parameters are left out.
  static func resources(of template: Template) -> DependencyGraph {
    let ids = Set(template.resources.keys)
    var nodes: [Node] = []
    var edges: Set<Edge> = []
    for entry in template.resources.entries {
      let resource = entry.value
      nodes.append(Node(id: entry.key, label: "\(entry.key)\n\(resource.type ?? "?")"))
      for reference in IntrinsicCollector.references(in: resource) where ids.contains(reference.target) {
        guard reference.target != entry.key else { continue }
        edges.insert(Edge(from: entry.key, to: reference.target, label: reference.label))
      }
    }
    return DependencyGraph(nodes: nodes, edges: edges.sorted())
  }
}

/// The intrinsic functions inside values, found by walking them.
enum IntrinsicCollector {
  struct Reference: Hashable {
    var target: String
    var label: String
  }

  /// Every `Fn::ImportValue` argument of the template's resources, conditions and outputs.
  static func imports(in template: Template) -> [Value] {
    var found: [Value] = []
    var values = template.resources.values.flatMap { Array($0.properties.values) }
    values += template.outputs.values.map(\.value)
    values += Array(template.conditions.values)
    for value in values { walk(value) { if case .importValue(let name) = $0 { found.append(name) } } }
    return found
  }

  /// The resources a resource names: `Ref`, `Fn::GetAtt`, `Fn::Sub` references and `DependsOn`.
  static func references(in resource: Resource) -> Set<Reference> {
    var found: Set<Reference> = Set(resource.dependsOn.map { Reference(target: $0.value, label: "DependsOn") })
    for value in resource.properties.values {
      walk(value) { intrinsic in
        switch intrinsic {
        case .ref(let name): found.insert(Reference(target: name, label: "Ref"))
        case .getAtt(let target, let attribute):
          found.insert(Reference(target: target, label: "GetAtt " + attribute))
        case .sub(let sub):
          for case .reference(let name) in sub.parts where sub.variables?[name] == nil {
            if let dot = name.firstIndex(of: ".") {
              found.insert(
                Reference(target: String(name[..<dot]), label: "GetAtt " + name[name.index(after: dot)...]))
            } else {
              found.insert(Reference(target: name, label: "Ref"))
            }
          }
        default: break
        }
      }
    }
    return found
  }

  /// Calls `visit` for every intrinsic function inside `value`, outermost first.
  static func walk(_ value: Value, _ visit: (Intrinsic) -> Void) {
    switch value.kind {
    case .list(let items): for item in items { walk(item, visit) }
    case .map(let map): for item in map.values { walk(item, visit) }
    case .intrinsic(let intrinsic):
      visit(intrinsic)
      for argument in intrinsic.arguments { walk(argument, visit) }
    default: break
    }
  }
}
