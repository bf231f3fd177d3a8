import Foundation
import Template
import Testing

@testable import TemplateDiff

/// Reads a template from text; a failure to read fails the test with the reader's message.
func template(_ text: String, file: String = "test.yaml") throws -> Template {
  try Template.parse(text, file: file)
}

/// Compares two templates given as text, with the shipped replacement data.
func diff(
  _ deployed: String, _ proposed: String, deployedFile: String = "deployed.yaml",
  proposedFile: String = "proposed.yaml"
) throws -> StackDiff {
  Differ().compare(
    deployed: try template(deployed, file: deployedFile),
    proposed: try template(proposed, file: proposedFile),
    name: "test")
}

/// The fixture folder shipped with the test target.
let fixtures: URL = {
  guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures")
  }
  return url
}()

/// Reads `Fixtures/<name>/deployed.*` and `proposed.*` and compares them.
func fixtureDiff(_ name: String, differ: Differ = Differ()) throws -> StackDiff {
  let folder = fixtures.appendingPathComponent(name)
  let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
  guard let deployed = files.first(where: { $0.hasPrefix("deployed.") }),
    let proposed = files.first(where: { $0.hasPrefix("proposed.") })
  else { throw FixtureMissing(name: name) }
  let old = try Template.read(contentsOf: folder.appendingPathComponent(deployed).path).template
  let new = try Template.read(contentsOf: folder.appendingPathComponent(proposed).path).template
  return differ.compare(deployed: old, proposed: new, name: name)
}

struct FixtureMissing: Error { var name: String }

extension StackDiff {
  /// The change of one resource, by logical id (the added side for a rename).
  func resource(_ logicalID: String) -> ResourceChange? {
    resources.first { $0.logicalID == logicalID && $0.kind != .removed }
      ?? resources.first { $0.logicalID == logicalID }
  }

  /// Every property path that changed in a resource, as text.
  func paths(_ logicalID: String) -> [String] {
    resource(logicalID)?.changes.map(\.path.description) ?? []
  }
}
