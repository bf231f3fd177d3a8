import Blueprints
import Formation
import Template
import Testing

/// The rendered GeneXOmics stacks, for the contract tests of the seed's values.
enum Rendered {
  static let stacks: [RenderedStack] = {
    do { return try GeneXOmics.application.render() } catch {
      Issue.record("the blueprints do not render:\n\(error)")
      return []
    }
  }()

  static func stack(_ name: String) throws -> Template {
    try #require(stacks.first { $0.name == name }?.template, "no stack \(name)")
  }

  static func resource(_ id: String, in name: String) throws -> Resource {
    try #require(try stack(name).resources[id], "no \(id) in \(name)")
  }

  static func importing(_ stack: String, _ id: String, _ attribute: String) -> Value {
    .intrinsic(.importValue(.sub("genexomics-${Environment}-\(stack)-\(id)-\(attribute)")))
  }

  /// Every statement of every identity policy of a role, inline or attached by a companion.
  static func statements(of roleID: String, in name: String) throws -> [Value] {
    let template = try stack(name)
    let role = try #require(template.resources[roleID])
    var statements: [Value] = []
    for policy in role.properties["Policies"]?.listValue ?? [] {
      statements += policy["PolicyDocument"]?["Statement"]?.listValue ?? []
    }
    for (_, resource) in template.resources.entries.map({ ($0.key, $0.value) })
    where resource.type == "AWS::IAM::RolePolicy" && resource.properties["RoleName"] == .ref(roleID)
    {
      statements += resource.properties["PolicyDocument"]?["Statement"]?.listValue ?? []
    }
    return statements
  }
}
