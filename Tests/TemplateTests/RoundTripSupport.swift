import Testing

@testable import Template

/// Readable failures for round-trip tests: the path of the first difference and both values
/// there, written as YAML, instead of two whole dumped trees.
enum RoundTripSupport {
  static func expectEqual(
    _ actual: Value, _ expected: Value, _ what: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard actual != expected else { return }
    let (path, left, right) = firstDifference(actual, expected, path: "")
    Issue.record(
      "\(what): values differ at \(path.isEmpty ? "the root" : path)\nexpected: \(right.yaml())actual:   \(left.yaml())",
      sourceLocation: sourceLocation)
  }

  static func expectEqual(
    _ actual: Template, _ expected: Template, _ what: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard actual != expected else { return }
    let (path, left, right) = firstDifference(actual.encoded, expected.encoded, path: "")
    Issue.record(
      "\(what): templates differ at \(path.isEmpty ? "the root" : path)\nexpected: \(right.yaml())actual:   \(left.yaml())",
      sourceLocation: sourceLocation)
  }

  static func firstDifference(_ a: Value, _ b: Value, path: String) -> (String, Value, Value) {
    switch (a.kind, b.kind) {
    case (.map(let left), .map(let right)) where left.keys == right.keys:
      for entry in left where right[entry.key] != entry.value {
        return firstDifference(entry.value, right[entry.key] ?? nil, path: path + "." + entry.key)
      }
    case (.list(let left), .list(let right)) where left.count == right.count:
      for (index, item) in left.enumerated() where right[index] != item {
        return firstDifference(item, right[index], path: path + "[\(index)]")
      }
    case (.intrinsic(let left), .intrinsic(let right)) where left.name == right.name:
      return firstDifference(
        left.longFormArgument, right.longFormArgument, path: path + "." + left.name)
    default: break
    }
    return (path, a, b)
  }
}
