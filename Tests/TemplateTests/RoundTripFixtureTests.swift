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
      return Value.intrinsic(function.mapArguments(jsonCompatible))
    default:
      return value
    }
  }
}

extension Intrinsic {
  /// The function with `transform` applied to each argument value.
  fileprivate func mapArguments(_ transform: (Value) -> Value) -> Intrinsic {
    switch self {
    case .ref, .getAtt, .condition: return self
    case .sub(let sub):
      return .sub(Sub(parts: sub.parts, variables: sub.variables?.mapValues(transform)))
    case .join(let delimiter, let values):
      return .join(delimiter: delimiter, values: transform(values))
    case .select(let index, let list):
      return .select(index: transform(index), list: transform(list))
    case .split(let delimiter, let source):
      return .split(delimiter: delimiter, source: transform(source))
    case .if(let condition, let then, let otherwise):
      return .if(condition: condition, then: transform(then), else: transform(otherwise))
    case .equals(let lhs, let rhs): return .equals(transform(lhs), transform(rhs))
    case .and(let items): return .and(items.map(transform))
    case .or(let items): return .or(items.map(transform))
    case .not(let item): return .not(transform(item))
    case .findInMap(let map, let top, let second, let fallback):
      return .findInMap(
        map: transform(map), topKey: transform(top), secondKey: transform(second),
        defaultValue: fallback.map(transform))
    case .importValue(let value): return .importValue(transform(value))
    case .getAZs(let value): return .getAZs(transform(value))
    case .base64(let value): return .base64(transform(value))
    case .cidr(let block, let count, let bits):
      return .cidr(ipBlock: transform(block), count: transform(count), cidrBits: transform(bits))
    case .transform(let name, let parameters):
      return .transform(name: transform(name), parameters: parameters.map(transform))
    case .transforms(let calls):
      return .transforms(
        calls.map { MacroCall(name: transform($0.name), parameters: $0.parameters.map(transform)) })
    case .rule(let function, let argument): return .rule(function, transform(argument))
    case .toJsonString(let value): return .toJsonString(transform(value))
    case .length(let value): return .length(transform(value))
    }
  }
}
