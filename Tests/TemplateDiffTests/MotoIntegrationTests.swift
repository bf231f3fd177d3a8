import AWSClient
import Foundation
import Template
import Testing

@testable import TemplateDiff

/// The live-stack path against moto's CloudFormation emulator, started with signature
/// checking on by `scripts/moto-diff-test.sh`, which deploys a stack, writes a proposed copy
/// with one value changed, and passes both here through the environment. Skipped (with the
/// reason shown) when the emulator is not running. One request at a time: the emulator is one
/// local process, and three helpers starting at once on a loaded CI machine once waited out the
/// 30 s request timeout.
@Suite(
  .serialized,
  .enabled(
    if: ProcessInfo.processInfo.environment["FORMATION_MOTO_ENDPOINT"] != nil,
    "the emulator is not running: scripts/moto-diff-test.sh starts it and sets FORMATION_MOTO_ENDPOINT"
  ))
struct MotoIntegrationTests {
  let variables = ProcessInfo.processInfo.environment

  func client(secret: String? = nil) throws -> CloudFormationClient {
    let environment = AWSEnvironment.current()
    var credentials = try environment.credentials(profile: nil)
    if let secret { credentials.secretAccessKey = secret }
    return CloudFormationClient(
      region: try environment.region(explicit: nil, profile: nil), credentials: credentials,
      endpoint: URL(string: try #require(variables["FORMATION_MOTO_ENDPOINT"])), maxAttempts: 2)
  }

  @Test func diffNamesExactlyTheChangedValue() throws {
    let stack = try #require(variables["FORMATION_MOTO_STACK"])
    let expected = try #require(variables["FORMATION_MOTO_EXPECTED"]).split(separator: " ").map(
      String.init)
    let deployed = try LiveStack.template(named: stack, client: try client())
    let proposed = try Template.read(contentsOf: try #require(variables["FORMATION_MOTO_PROPOSED"]))
      .template
    let diff = Differ().compare(deployed: deployed, proposed: proposed, name: stack)
    #expect(diff.resources.map(\.logicalID) == [expected[0]])
    #expect(diff.resources.first?.changes.map(\.path.description) == [expected[1]])
    #expect(diff.entries.isEmpty)
    let unchanged = Differ().compare(deployed: deployed, proposed: deployed, name: stack)
    #expect(unchanged.status == .unchanged)
  }

  @Test func aWrongSecretIsRejected() throws {
    let stack = try #require(variables["FORMATION_MOTO_STACK"])
    let client = try client(secret: "wrong")
    do {
      _ = try LiveStack.template(named: stack, client: client)
      Issue.record("the emulator accepted a wrong secret")
    } catch {
      #expect(error.id == .badCredentials)
      #expect(error.code == "SignatureDoesNotMatch")
    }
  }

  @Test func aMissingStackIsNotFound() throws {
    let client = try client()
    do {
      _ = try LiveStack.template(named: "formation-ci-missing", client: client)
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .stackNotFound)
    }
  }
}
