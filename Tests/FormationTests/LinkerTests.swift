import Formation
import Testing

/// References across stacks become exports and imports; the deploy order follows them.
@Suite struct LinkerTests {
  static let environment = StackParameter("Environment", description: "env", default: "test")
  static let key = KMSKey("Key", description: "k")
  static let table = Table("Runs", name: "runs", partitionKey: .string("Id"), encryptionKey: key.arn)

  func rendered() throws -> [RenderedStack] {
    // Declared out of order on purpose: the data stack imports from the keys stack.
    try Application(
      name: "t", environment: Self.environment,
      stacks: [Stack("data", description: "d") { Self.table }, Stack("keys", description: "k") { Self.key }]
    ).render()
  }

  @Test func deployOrderFollowsImports() throws {
    let stacks = try rendered()
    #expect(stacks.map(\.name) == ["keys", "data"])
    #expect(stacks[1].dependencies == ["keys"])
  }

  @Test func referenceBecomesExportAndImport() throws {
    let stacks = try rendered()
    let export = try #require(stacks[0].template.outputs["ExportKeyArn"])
    #expect(export.value == .getAtt("Key", "Arn"))
    #expect(export.exportName == .sub("t-${Environment}-keys-Key-Arn"))
    let sse = stacks[1].template.resources["Runs"]?.properties["SSESpecification"]
    #expect(sse?["KMSMasterKeyId"] == .intrinsic(.importValue(.sub("t-${Environment}-keys-Key-Arn"))))
  }

  @Test func sharedParameterIsAddedOnlyWhereUsed() throws {
    let lonely = Stack("lonely", description: "uses nothing") { KMSKey("Other", description: "o") }
    let stacks = try Application(name: "t", environment: Self.environment, stacks: [lonely]).render()
    #expect(stacks[0].template.parameters.isEmpty)
  }

  @Test func subReferenceAcrossStacksBecomesAVariable() throws {
    let key = KMSKey("Key", description: "k")
    let role = Role(
      "Reader", description: "d", trust: [.assume(by: .service("lambda.amazonaws.com"))],
      policies: [InlinePolicy("Decrypt", [.allow(["kms:Decrypt"], on: [Value.sub("${Key.Arn}")])])])
    let stacks = try Application(
      name: "t", environment: Self.environment,
      stacks: [Stack("keys", description: "k") { key }, Stack("roles", description: "r") { role }]
    ).render()
    let statement = stacks[1].template.resources["Reader"]?.properties["Policies"]?.listValue?.first?[
      "PolicyDocument"]?["Statement"]?.listValue?.first
    guard case .intrinsic(.sub(let sub)) = statement?["Resource"]?.kind else {
      Issue.record("expected a Sub, got \(String(describing: statement))")
      return
    }
    #expect(sub.template == "${KeyArn}")
    #expect(sub.variables?["KeyArn"] == .intrinsic(.importValue(.sub("t-${Environment}-keys-Key-Arn"))))
  }

  @Test func renderingIsDeterministic() throws {
    let first = try rendered().map { $0.template.yaml() }
    let second = try rendered().map { $0.template.yaml() }
    #expect(first == second)
  }
}
