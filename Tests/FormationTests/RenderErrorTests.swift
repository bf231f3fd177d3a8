import Formation
import Testing

/// Every render-time error: its id, its message and the blueprint line it points at.
@Suite struct RenderErrorTests {
  static let environment = StackParameter("Environment", description: "env", default: "test")

  func render(_ stacks: [Stack]) -> [RenderError] {
    do {
      _ = try Application(name: "t", environment: Self.environment, stacks: stacks).render()
      return []
    } catch {
      return error.errors
    }
  }

  static let key = KMSKey("Key", description: "k")

  @Test func duplicateLogicalIDPointsAtTheSecondDeclaration() {
    let first = Table("Runs", name: "a", partitionKey: .string("Id"), encryptionKey: Self.key.arn)
    let line = #line + 1
    let second = Table("Runs", name: "b", partitionKey: .string("Id"), encryptionKey: Self.key.arn)
    let errors = render([Stack("one", description: "d") { Self.key; first }, Stack("two", description: "d") { second }])
    #expect(errors.map(\.id) == [.duplicateLogicalID])
    #expect(errors.first?.location.line == line)
    #expect(errors.first?.location.file.hasSuffix("FormationTests/RenderErrorTests.swift") == true)
    #expect(errors.first?.message.hasPrefix("the logical id 'Runs' is already used in stack 'one' at ") == true)
  }

  @Test func invalidLogicalID() {
    let line = #line + 1
    let table = Table("run-status", name: "a", partitionKey: .string("Id"), encryptionKey: Self.key.arn)
    let errors = render([Stack("one", description: "d") { Self.key; table }])
    #expect(errors.map(\.id) == [.invalidLogicalID])
    #expect(errors.first?.location.line == line)
  }

  @Test(arguments: [
    ("data_bucket", "may contain only lowercase letters, digits, dots and hyphens"),
    ("ab", "must be 3 to 63 characters"),
    ("-leading", "must start with a letter or digit"),
    ("two..dots", "must not contain two adjacent dots"),
    ("192.168.1.1", "must not look like an IP address"),
    ("xn--punycode", "must not start with xn-- or sthree-"),
  ])
  func invalidBucketName(name: String, problem: String) {
    let line = #line + 1
    let bucket = Bucket("Data", name: .exactly(name), encryption: .kms(Self.key.arn))
    let errors = render([Stack("one", description: "d") { Self.key; bucket }])
    #expect(errors.map(\.id) == [.invalidBucketName])
    #expect(errors.first?.location.line == line)
    #expect(errors.first?.message == "'\(name)' is not a valid S3 bucket name: it \(problem)")
  }

  @Test func transitionAtOrAfterExpiration() {
    let line = #line + 1
    let rule = LifecycleRule("Scratch", transitions: [.to(.glacier, after: .days(7))], expiration: .after(.days(7)))
    let bucket = Bucket("Data", encryption: .kms(Self.key.arn), lifecycle: [rule])
    let errors = render([Stack("one", description: "d") { Self.key; bucket }])
    #expect(errors.map(\.id) == [.transitionAfterExpiration])
    #expect(errors.first?.location.line == line)
    #expect(
      errors.first?.message
        == "lifecycle rule 'Scratch': the transition to GLACIER after 7 days is at or after the expiration after 7 days; the objects would already be deleted"
    )
  }

  @Test func referenceToAResourceInNoStack() {
    let orphanKey = KMSKey("OrphanKey", description: "declared but never added to a stack")
    let line = #line + 1
    let table = Table("Runs", name: "runs", partitionKey: .string("Id"), encryptionKey: orphanKey.arn)
    let errors = render([Stack("one", description: "d") { table }])
    #expect(errors.map(\.id) == [.unresolvedReference])
    #expect(errors.first?.location.line == line)
    #expect(
      errors.first?.message
        == "'OrphanKey' is referenced from stack 'one' but is declared in no stack; add it to a stack")
  }

  @Test func crossStackCycle() {
    let keyA = KMSKey("KeyA", description: "a")
    let keyB = KMSKey("KeyB", description: "b")
    let tableA = Table("TableA", name: "a", partitionKey: .string("Id"), encryptionKey: keyB.arn)
    let tableB = Table("TableB", name: "b", partitionKey: .string("Id"), encryptionKey: keyA.arn)
    let line = #line + 1
    let first = Stack("first", description: "d") { keyA; tableA }
    let second = Stack("second", description: "d") { keyB; tableB }
    let errors = render([first, second])
    #expect(errors.map(\.id) == [.crossStackCycle])
    #expect(errors.first?.location.line == line)
    #expect(
      errors.first?.message == "stacks first, second import from each other in a cycle: no deploy order exists")
  }

  @Test func roleWithoutTrustPolicy() {
    let line = #line + 1
    let role = Role("Worker", description: "nobody can assume this", trust: [])
    let errors = render([Stack("one", description: "d") { role }])
    #expect(errors.map(\.id) == [.missingTrustPolicy])
    #expect(errors.first?.location.line == line)
  }

  @Test func malformedActionPointsAtTheStatement() {
    let line = #line + 3
    let role = Role(
      "Worker", description: "d", trust: [.assume(by: .service("batch.amazonaws.com"))],
      policies: [InlinePolicy("Read", [.allow(["s3GetObject"], on: ["*"])])])
    let errors = render([Stack("one", description: "d") { role }])
    #expect(errors.map(\.id) == [.malformedAction])
    #expect(errors.first?.location.line == line)
    #expect(
      errors.first?.message == "'s3GetObject' is not an IAM action: write it as service:Action, e.g. s3:GetObject")
  }

  @Test func errorsAreAllReportedAtOnce() {
    let role = Role("Worker", description: "d", trust: [])
    let bucket = Bucket("Data", name: .exactly("Bad_Name"), encryption: .kms(Self.key.arn))
    let errors = render([Stack("one", description: "d") { Self.key; role; bucket }])
    #expect(Set(errors.map(\.id)) == [.missingTrustPolicy, .invalidBucketName])
  }
}
