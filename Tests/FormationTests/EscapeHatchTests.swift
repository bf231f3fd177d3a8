import Formation
import Template
import Testing

/// The escape hatches: properties the DSL does not model on a modelled resource, and resources
/// of types it does not model, with references that still cross stacks.
@Suite struct EscapeHatchTests {
  static let environment = StackParameter("Environment", description: "env", default: "test")
  static let key = KMSKey("Key", description: "k")

  static func render(_ stacks: [Stack]) throws(RenderErrors) -> [RenderedStack] {
    try Application(name: "t", environment: environment, stacks: stacks).render()
  }

  static func errors(_ stacks: [Stack]) -> [RenderError] {
    do {
      _ = try render(stacks)
      return []
    } catch {
      return error.errors
    }
  }

  @Test func anOverrideSetsANestedPropertyAndKeepsTheRest() throws {
    let queue = Queue("Jobs", key: Self.key.arn)
      .overriding("RedrivePolicy.maxReceiveCount", with: 3)
      .overriding("DelaySeconds", with: 5)
    let stacks = try Self.render([Stack("one", description: "d") { Self.key; queue }])
    let properties = try #require(stacks[0].template.resources["Jobs"]?.properties)
    #expect(properties["RedrivePolicy"] == ["maxReceiveCount": 3])
    #expect(properties["DelaySeconds"] == 5)
    #expect(properties["KmsMasterKeyId"] == .getAtt("Key", "Arn"))
  }

  @Test func removingAPropertyLeavesItOut() throws {
    let queue = Queue("Jobs", key: Self.key.arn).removing("Tags").removing("Not.There")
    let stacks = try Self.render([Stack("one", description: "d") { Self.key; queue }])
    let properties = try #require(stacks[0].template.resources["Jobs"]?.properties)
    #expect(properties["Tags"] == nil)
    #expect(properties["KmsMasterKeyId"] != nil)
  }

  @Test func anOverrideThroughAScalarIsARenderErrorAtItsLine() {
    let line = #line + 1
    let queue = Queue("Jobs", key: Self.key.arn).overriding("KmsMasterKeyId.Nested", with: "x")
    let errors = Self.errors([Stack("one", description: "d") { Self.key; queue }])
    #expect(errors.map(\.id) == [.invalidOverride])
    #expect(errors.first?.location.line == line)
    #expect(
      errors.first?.message
        == "override of 'Jobs' at 'KmsMasterKeyId.Nested': 'KmsMasterKeyId' is not a mapping")
  }

  @Test func anEmptyPathSegmentIsARenderError() {
    let queue = Queue("Jobs", key: Self.key.arn).overriding("A..B", with: 1)
    let errors = Self.errors([Stack("one", description: "d") { Self.key; queue }])
    #expect(errors.map(\.message) == ["an override needs a dotted property path, such as 'A.B'"])
  }

  /// A raw resource's references become imports like any modelled resource's.
  @Test func aRawResourceRendersAndItsReferencesCrossStacks() throws {
    let trigger = RawResource(
      "Nightly", type: "AWS::Glue::Trigger",
      properties: ["Type": "SCHEDULED", "Description": Self.key.arn.value],
      dependsOn: [], deletionPolicy: "Retain")
    let stacks = try Self.render([
      Stack("keys", description: "k") { Self.key }, Stack("jobs", description: "j") { trigger },
    ])
    let resource = try #require(stacks[1].template.resources["Nightly"])
    #expect(resource.type == "AWS::Glue::Trigger")
    #expect(resource.deletionPolicy == "Retain")
    #expect(resource.properties["Type"] == "SCHEDULED")
    #expect(
      resource.properties["Description"]
        == .intrinsic(.importValue(.sub("t-${Environment}-keys-Key-Arn"))))
    #expect(stacks[1].dependencies == ["keys"])
  }

  @Test(arguments: ["AWS::Glue", "AWS::Glue::Job::Extra", "AWS::Glue::", "AWS::Glue Job::X"])
  func aMalformedTypeIsARenderError(type: String) {
    let errors = Self.errors([
      Stack("one", description: "d") { RawResource("Thing", type: type) }
    ])
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(
      errors.first?.message
        == "resource 'Thing': type '\(type)' is not of the form Vendor::Service::Resource")
  }

  @Test func anUnknownDeletionPolicyIsARenderError() {
    let errors = Self.errors([
      Stack("one", description: "d") {
        RawResource("Thing", type: "AWS::Glue::Job", deletionPolicy: "Keep")
      }
    ])
    #expect(errors.map(\.id) == [.invalidValue])
  }
}

/// A bucket without lifecycle rules has no `LifecycleConfiguration` at all (not `null`, which
/// CloudFormation rejects).
@Test func bucketWithoutLifecycleLeavesTheSettingOut() throws {
  let key = KMSKey("Key", description: "k")
  let bucket = Bucket("Plain", encryption: .kms(key.arn))
  let stacks = try Application(
    name: "t", environment: EscapeHatchTests.environment,
    stacks: [Stack("one", description: "d") { key; bucket }]
  ).render()
  let properties = try #require(stacks[0].template.resources["Plain"]?.properties)
  #expect(!properties.contains("LifecycleConfiguration"))
}
