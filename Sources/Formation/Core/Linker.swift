import Template

/// Lowers every stack and resolves references between them.
///
/// A `Ref` or `Fn::GetAtt` (also inside `Fn::Sub`) naming a resource of another stack becomes
/// `Fn::ImportValue` of an export the linker adds to the owning stack; the import edges give
/// the deploy order. A name that no stack defines is a render error at the referring
/// declaration's line, so a broken reference never reaches CloudFormation.
struct Linker {
  let application: Application
  private var context: LoweringContext
  /// Which stack owns each logical id, with the line that declared it.
  private var owners: [String: (stack: String, origin: SourceLocation)] = [:]
  /// Exports each stack must add: stack → export output logical id → (value, export name).
  private var exports: [String: OrderedMap<Output>] = [:]

  init(application: Application) {
    self.application = application
    self.context = LoweringContext(
      tags: application.tags, applicationName: application.name,
      environmentParameter: application.environment.name)
  }

  mutating func link() throws(RenderErrors) -> [RenderedStack] {
    var lowered: [(stack: Stack, resources: [LoweredResource])] = []
    var seenStacks: [String: SourceLocation] = [:]
    for stack in application.stacks {
      if let first = seenStacks[stack.name] {
        context.fail(
          .duplicateStack, "a stack named '\(stack.name)' is already declared at \(first)",
          at: stack.origin)
      }
      seenStacks[stack.name] = stack.origin
      var resources: [LoweredResource] = []
      for declaration in stack.declarations {
        resources += declaration.lower(into: &context)
      }
      for parameter in stack.parameters {
        register(parameter.name, in: stack.name, at: parameter.origin)
      }
      for resource in resources {
        register(resource.logicalID, in: stack.name, at: resource.origin)
      }
      lowered.append((stack, resources))
    }

    var templates: [(stack: Stack, template: Template, dependencies: Set<String>)] = []
    for (stack, resources) in lowered {
      templates.append(assemble(stack, resources))
    }
    let order = deployOrder(templates.map { ($0.stack, $0.dependencies) })
    if !context.errors.isEmpty { throw RenderErrors(context.errors) }

    var rendered: [RenderedStack] = []
    for name in order {
      guard let entry = templates.first(where: { $0.stack.name == name }) else { continue }
      var template = entry.template
      for output in exports[name] ?? [:] { template.outputs.insert(output) }
      if exports[name] != nil, !template.parameters.contains(application.environment.name) {
        template.parameters[application.environment.name] = application.environment.lowered
      }
      rendered.append(
        RenderedStack(
          name: name, template: template, dependencies: entry.dependencies.sorted(),
          origin: entry.stack.origin))
    }
    return rendered
  }

  private mutating func register(_ logicalID: String, in stack: String, at origin: SourceLocation) {
    if !isValidLogicalID(logicalID) {
      context.fail(
        .invalidLogicalID,
        "'\(logicalID)' is not a valid logical id: use 1 to 255 ASCII letters and digits",
        at: origin)
    }
    if let first = owners[logicalID] {
      context.fail(
        .duplicateLogicalID,
        "the logical id '\(logicalID)' is already used in stack '\(first.stack)' at \(first.origin)",
        at: origin)
      return
    }
    owners[logicalID] = (stack, origin)
  }

  private func isValidLogicalID(_ id: String) -> Bool {
    !id.isEmpty && id.count <= 255
      && id.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
      }
  }

  /// Builds one stack's template, rewriting references to other stacks into imports.
  private mutating func assemble(_ stack: Stack, _ resources: [LoweredResource]) -> (
    Stack, Template, Set<String>
  ) {
    var template = Template(description: stack.description)
    var local = Set(resources.map(\.logicalID))
    local.formUnion(stack.parameters.map(\.name))
    for parameter in stack.parameters { template.parameters[parameter.name] = parameter.lowered }
    for condition in stack.conditions {
      template.conditions[condition.name] = condition.expression.value
    }

    var scope = Scope(
      stack: stack.name, local: local, conditions: Set(stack.conditions.map(\.name)))
    for lowered in resources {
      var resource = lowered.resource
      resource.properties = resource.properties.mapValues {
        link($0, in: &scope, from: lowered.origin)
      }
      resource.dependsOn = resource.dependsOn.filter { scope.local.contains($0.value) }
      template.resources[lowered.logicalID] = resource
    }
    for output in stack.outputs {
      var lowered = Output(value: link(output.value, in: &scope, from: output.origin))
      lowered.description = .string(output.description)
      lowered.exportName = output.exportName.map { link($0, in: &scope, from: output.origin) }
      template.outputs[output.name] = lowered
    }
    for name in scope.sharedParameters.sorted() {
      if let shared = allShared.first(where: { $0.name == name }) {
        template.parameters[name] = shared.lowered
      }
    }
    return (stack, template, scope.dependencies)
  }

  private var allShared: [StackParameter] {
    application.sharedParameters + [application.environment]
  }

  private struct Scope {
    let stack: String
    var local: Set<String>
    let conditions: Set<String>
    var dependencies: Set<String> = []
    var sharedParameters: Set<String> = []
  }

  private mutating func link(_ value: Value, in scope: inout Scope, from origin: SourceLocation)
    -> Value
  {
    var result = value
    switch value.kind {
    case .string, .number, .bool, .null:
      break
    case .list(let items):
      result.kind = .list(items.map { link($0, in: &scope, from: origin) })
    case .map(let map):
      result.kind = .map(map.mapValues { link($0, in: &scope, from: origin) })
    case .intrinsic(let function):
      result = link(function, value: value, in: &scope, from: origin)
    }
    return result
  }

  private mutating func link(
    _ function: Intrinsic, value: Value, in scope: inout Scope, from origin: SourceLocation
  )
    -> Value
  {
    switch function {
    case .ref(let name):
      return resolve(name, attribute: nil, in: &scope, from: origin) ?? value
    case .getAtt(let name, let attribute):
      return resolve(name, attribute: attribute, in: &scope, from: origin) ?? value
    case .sub(var sub):
      var variables = sub.variables ?? [:]
      variables = variables.mapValues { link($0, in: &scope, from: origin) }
      let variableNames = Set(variables.keys)
      sub.parts = sub.parts.map { part in
        guard case .reference(let reference) = part, !variableNames.contains(reference) else {
          return part
        }
        let (name, attribute) = Self.split(reference)
        guard let imported = resolve(name, attribute: attribute, in: &scope, from: origin) else {
          return part
        }
        let variable = (name + (attribute ?? "")).filter { $0.isLetter || $0.isNumber }
        variables[variable] = imported
        return .reference(variable)
      }
      sub.variables = variables.isEmpty ? nil : variables
      return .intrinsic(.sub(sub))
    case .join(let delimiter, let values):
      return .intrinsic(.join(delimiter: delimiter, values: link(values, in: &scope, from: origin)))
    case .select(let index, let list):
      return .intrinsic(.select(index: index, list: link(list, in: &scope, from: origin)))
    case .split(let delimiter, let source):
      return .intrinsic(
        .split(delimiter: delimiter, source: link(source, in: &scope, from: origin)))
    case .if(let condition, let then, let otherwise):
      if !scope.conditions.contains(condition) {
        context.fail(
          .unresolvedReference,
          "condition '\(condition)' is not declared in stack '\(scope.stack)'", at: origin)
      }
      return .intrinsic(
        .if(
          condition: condition, then: link(then, in: &scope, from: origin),
          else: link(otherwise, in: &scope, from: origin)))
    case .base64(let inner):
      return .intrinsic(.base64(link(inner, in: &scope, from: origin)))
    case .toJsonString(let inner):
      return .intrinsic(.toJsonString(link(inner, in: &scope, from: origin)))
    case .cidr(let block, let count, let bits):
      return .intrinsic(
        .cidr(ipBlock: link(block, in: &scope, from: origin), count: count, cidrBits: bits))
    case .equals, .and, .or, .not, .condition, .findInMap, .importValue, .getAZs, .transform,
      .transforms, .rule, .length:
      return value
    }
  }

  private static func split(_ reference: String) -> (String, String?) {
    guard let dot = reference.firstIndex(of: ".") else { return (reference, nil) }
    return (String(reference[..<dot]), String(reference[reference.index(after: dot)...]))
  }

  /// The value that stands for `name` (and `attribute`) in `scope`: `nil` to keep the reference
  /// as written (local, pseudo, shared parameter), an import for another stack's resource.
  private mutating func resolve(
    _ name: String, attribute: String?, in scope: inout Scope, from origin: SourceLocation
  )
    -> Value?
  {
    if name.hasPrefix("AWS::") || scope.local.contains(name) { return nil }
    if allShared.contains(where: { $0.name == name }) {
      scope.sharedParameters.insert(name)
      return nil
    }
    guard let owner = owners[name] else {
      context.fail(
        .unresolvedReference,
        "'\(name)' is referenced from stack '\(scope.stack)' but is declared in no stack; add it to a stack",
        at: origin)
      return nil
    }
    scope.dependencies.insert(owner.stack)
    scope.sharedParameters.insert(application.environment.name)
    let suffix = attribute.map { $0.filter { $0.isLetter || $0.isNumber } } ?? "Ref"
    let exportName = Value.sub(
      "\(application.name)-${\(application.environment.name)}-\(owner.stack)-\(name)-\(suffix)")
    var output = Output(value: attribute.map { .getAtt(name, $0) } ?? .ref(name))
    output.description = .string(
      "\(name) \(attribute ?? "Ref") for stacks that import it (added by the linker)")
    output.exportName = exportName
    exports[owner.stack, default: [:]]["Export\(name)\(suffix)"] = output
    return .intrinsic(.importValue(exportName))
  }

  /// Stacks in an order where each comes after every stack it imports from; declaration
  /// order breaks ties, so the order is stable. A cycle is a render error.
  private mutating func deployOrder(_ stacks: [(Stack, Set<String>)]) -> [String] {
    var remaining = stacks
    var order: [String] = []
    while !remaining.isEmpty {
      guard let next = remaining.firstIndex(where: { $0.1.isSubset(of: Set(order)) }) else {
        let names = remaining.map(\.0.name).joined(separator: ", ")
        context.fail(
          .crossStackCycle,
          "stacks \(names) import from each other in a cycle: no deploy order exists",
          at: remaining[0].0.origin)
        return order + remaining.map(\.0.name)
      }
      order.append(remaining.remove(at: next).0.name)
    }
    return order
  }
}
