import Foundation
import Testing

@testable import Template

/// Property tests over every template file in the repository's fixture folders, `examples/` and
/// `generated/`: `read(write(t)) == t`, `write(read(write(t)))` is byte-identical to `write(t)`,
/// and the YAML and JSON outputs of one template read back equal.
///
/// Files under a `bad` folder are meant not to read and are skipped. Files under a `good`
/// folder must read; elsewhere a file that does not read (a deliberately broken example) is
/// left to the tests that own it.
@Suite struct RoundTripFixtureTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let extensions: Set<String> = ["yaml", "yml", "json", "template"]

  /// Paths relative to the repository root, sorted.
  static let files: [String] = {
    var folders = ["examples", "generated"]
    let tests = root.appendingPathComponent("Tests")
    let targets = (try? FileManager.default.contentsOfDirectory(atPath: tests.path)) ?? []
    folders += targets.sorted().map { "Tests/\($0)/Fixtures" }
    var found: [String] = []
    for folder in folders {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      while let relative = walker.nextObject() as? String {
        let components = relative.split(separator: "/")
        guard !components.contains("bad"), let name = components.last,
          let dot = name.lastIndex(of: "."),
          extensions.contains(name[name.index(after: dot)...].lowercased())
        else { continue }
        found.append(folder + "/" + relative)
      }
    }
    return found.sorted()
  }()

  @Test(arguments: files) func roundTrip(_ relative: String) throws {
    let path = Self.root.appendingPathComponent(relative).path
    let template: Template
    do {
      template = try Template.read(contentsOf: path).template
    } catch {
      if relative.split(separator: "/").contains("good") {
        Issue.record("\(relative) is under good/ but does not read: \(error)")
      }
      return
    }
    let yaml = template.yaml()
    let fromYAML = try Template.parse(yaml, file: relative + ".out.yaml")
    RoundTripSupport.expectEqual(fromYAML, template, "YAML round trip")
    #expect(fromYAML.yaml() == yaml, "YAML output is not stable")

    let json = template.json()
    let fromJSON = try Template.parse(json, file: relative + ".out.json")
    #expect(fromJSON.json() == json, "JSON output is not stable")
    // JSON cannot spell YAML-only number literals (012, .5); they are written as strings.
    let expected = try Template(decoding: Self.jsonCompatible(template.encoded))
    RoundTripSupport.expectEqual(fromJSON, expected, "JSON round trip")
    RoundTripSupport.expectEqual(
      try Template.parse(fromJSON.yaml(), file: relative + ".again.yaml"), expected,
      "JSON then YAML")
  }

  /// The value with every number JSON cannot spell turned into the string of its literal, as
  /// `JSONWriter` writes it.
  static func jsonCompatible(_ value: Value) -> Value {
    switch value.kind {
    case .number(let number) where !JSONWriter.isJSONNumber(number.literal):
      return .string(number.literal)
    case .list(let items):
      return .list(items.map(jsonCompatible))
    case .map(let map):
      return .map(map.mapValues(jsonCompatible))
    case .intrinsic(let function):
      return Value.intrinsic(function.mappingArguments(jsonCompatible))
    default:
      return value
    }
  }
}
