import Foundation
import Testing

@testable import TemplateDiff

/// Folders are paired by file name without extension; exit status follows `--fail-on`.
@Suite struct StackPairingTests {
  func folder(_ files: [String: String]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pairing-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }
    return path
  }

  @Test func foldersPairByStackName() throws {
    let deployed = try folder([
      "storage.json": "{}", "network.yaml": "", "gone.yaml": "", "notes.txt": "",
    ])
    let proposed = try folder(["storage.yaml": "", "network.yml": "", "new.yaml": ""])
    let pairs = try StackPairing.pairs(deployed: deployed, proposed: proposed)
    #expect(
      pairs.map { "\($0.name) \($0.deployed != nil) \($0.proposed != nil)" } == [
        "gone true false", "network true true", "new false true", "storage true true",
      ])
  }

  /// Two folders without templates are bad input (exit 2), as for `validate`.
  @Test func twoFoldersWithoutTemplatesAreAnError() throws {
    let deployed = try folder(["notes.txt": ""])
    let proposed = try folder([:])
    #expect(
      throws: DiffInputError(
        "no template files (.yaml, .yml, .json, .template) in \(deployed) or \(proposed)")
    ) { try StackPairing.pairs(deployed: deployed, proposed: proposed) }
  }

  @Test func aFileAndAFolderIsAnError() throws {
    let deployed = try folder(["storage.yaml": ""])
    #expect(throws: DiffInputError.self) {
      try StackPairing.pairs(deployed: deployed, proposed: deployed + "/storage.yaml")
    }
    #expect(throws: DiffInputError.self) {
      try StackPairing.pairs(deployed: "/no/such/path", proposed: deployed)
    }
  }

  @Test func stackNameDropsTheTemplateExtension() {
    #expect(StackPairing.stackName("/a/b/storage.yaml") == "storage")
    #expect(StackPairing.stackName("compute.template") == "compute")
    #expect(StackPairing.stackName("v1.2") == "v1.2")
  }

  @Test func failOnChoosesWhatCounts() throws {
    let metadataOnly = try fixtureDiff("sections-and-metadata")
    let replacement = try fixtureDiff("nested-create-only")
    #expect(FailOn.any.trips([metadataOnly]))
    #expect(!FailOn.replacement.trips([metadataOnly]))
    #expect(FailOn.replacement.trips([metadataOnly, replacement]))
    #expect(!FailOn.security.trips([replacement]))
    #expect(!FailOn.any.trips([replacement], securityOnly: true))
  }
}
