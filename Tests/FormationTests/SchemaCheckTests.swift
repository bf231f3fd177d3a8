import Formation
import Template
import Testing

/// Raw resources and property overrides checked against the resource schemas when the stack
/// renders: each mistake is an error with its id, a message naming the resource and the
/// property, and the blueprint line that wrote it.
@Suite struct SchemaCheckTests {
  static func errors(@StackBuilder _ members: () -> [StackMember]) -> [RenderError] {
    EscapeHatchTests.errors([Stack("one", description: "d", members: members)])
  }

  static let key = EscapeHatchTests.key

  @Test func aRawResourceOfAnUnknownTypeIsAnError() {
    let line = #line + 1
    let job = RawResource("Nightly", type: "AWS::Glue::Triger", properties: ["Type": "SCHEDULED"])
    let errors = Self.errors { job }
    #expect(errors.map(\.id) == [.unknownResourceType])
    #expect(
      errors.map(\.message) == [
        "resource 'Nightly': 'AWS::Glue::Triger' is not a CloudFormation resource type; did you mean 'AWS::Glue::Trigger'?"
      ])
    #expect(errors.map(\.location.line) == [line])
    #expect(errors.first?.id.rawValue == "R012")
  }

  @Test func aRawResourcesMistakesAreErrorsAtItsLine() {
    let line = #line + 1
    let trigger = RawResource(
      "Nightly", type: "AWS::Glue::Trigger",
      properties: [
        "Type": "SCHEDULE", "Schedul": "cron(0 2 * * ? *)", "StartOnCreation": "yes",
        "Actions": [["JobNme": "thumbnails"], "thumbnails"],
        "Predicate": ["Conditions": [["State": "SUCCEEDED", "LogicalOperator": "EQUALS"]]],
      ])
    let errors = Self.errors { trigger }
    let prefix = "resource 'Nightly' (AWS::Glue::Trigger): "
    // Errors of one line come in id order.
    #expect(
      errors.map(\.message) == [
        prefix + "no property 'Schedul'; did you mean 'Schedule'?",
        prefix + "no property 'Actions[0].JobNme'; did you mean 'JobName'?",
        prefix + "'StartOnCreation' must be boolean, not string",
        prefix + "'Actions[1]' must be object, not string",
        prefix
          + "'Type' is 'SCHEDULE', not one of CONDITIONAL, EVENT, ON_DEMAND, SCHEDULED; did you mean 'SCHEDULED'?",
      ])
    #expect(errors.map(\.id.rawValue) == ["R013", "R013", "R014", "R014", "R015"])
    #expect(Set(errors.map(\.location.line)) == [line])
  }

  @Test func aRawResourceThatMatchesItsSchemaRenders() throws {
    let trigger = RawResource(
      "Nightly", type: "AWS::Glue::Trigger",
      properties: [
        "Type": "SCHEDULED", "Schedule": "cron(0 2 * * ? *)", "StartOnCreation": "true",
        "Actions": [["JobName": "thumbnails", "Timeout": 30]],
        "Description": Self.key.arn.value,
      ])
    #expect(Self.errors { Self.key; trigger }.isEmpty)
  }

  @Test func anOverrideOfAPropertyTheTypeLacksIsAnError() {
    let line = #line + 2
    let queue = Queue("Jobs", key: Self.key.arn)
      .overriding("DelaySecond", with: 5)
      .overriding("FifoQueue", with: "maybe")
      .removing("RedriveAllowPolicy")
      .removing("Not.There")
    let errors = Self.errors { Self.key; queue }
    let prefix = "resource 'Jobs' (AWS::SQS::Queue): "
    #expect(
      errors.map(\.message) == [
        prefix + "no property 'DelaySecond'; did you mean 'DelaySeconds'?",
        prefix + "'FifoQueue' must be boolean, not string",
        prefix + "no property 'Not'",
      ])
    #expect(errors.map(\.id) == [.unknownProperty, .wrongPropertyType, .unknownProperty])
    #expect(errors.map(\.location.line) == [line, line + 1, line + 3])
  }

  @Test func anOverrideOutsideTheAllowedValuesIsAnError() {
    let line = #line + 2
    let bucket = Bucket("Raw", encryption: .kms(Self.key.arn))
      .overriding("AccelerateConfiguration.AccelerationStatus", with: "On")
    let errors = Self.errors { Self.key; bucket }
    #expect(errors.map(\.id) == [.valueNotAllowed])
    #expect(
      errors.map(\.message) == [
        "resource 'Raw' (AWS::S3::Bucket): 'AccelerateConfiguration.AccelerationStatus' is 'On', not one of Enabled, Suspended"
      ])
    #expect(errors.map(\.location.line) == [line])
  }
}
