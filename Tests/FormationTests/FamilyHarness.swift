import Formation
import Template
import Testing

/// Renders one stack of declarations the way the blueprints are rendered, for family tests.
struct FamilyHarness {
  static let environment = StackParameter("Environment", description: "env", default: "test")
  static let key = KMSKey("Key", description: "k")

  /// The stack's template, or the render errors.
  static func render(@StackBuilder _ members: () -> [StackMember]) -> (
    template: Template?, errors: [RenderError]
  ) {
    let stack = Stack("family", description: "d", members: members)
    do {
      let rendered = try Application(name: "t", environment: environment, stacks: [stack]).render()
      return (rendered.first?.template, [])
    } catch {
      return (nil, error.errors)
    }
  }

  static func resource(_ id: String, @StackBuilder in members: () -> [StackMember]) throws
    -> Resource
  {
    let (template, errors) = render(members)
    #expect(errors.isEmpty, "\(errors)")
    return try #require(template?.resources[id], "no resource \(id)")
  }

  static func errors(@StackBuilder _ members: () -> [StackMember]) -> [RenderError] {
    render(members).errors
  }
}
