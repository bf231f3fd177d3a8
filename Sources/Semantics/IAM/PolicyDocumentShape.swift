import Template

/// How to recognise an IAM policy document among a resource's property values, and which of
/// its lists are sets.
///
/// Recognised by shape, not by property name, so every resource policy counts (bucket, key,
/// topic, queue, repository, endpoint, secret, domain), including ones added to
/// CloudFormation after this was written: a mapping with `Statement` and nothing but
/// `Version` and `Id` beside it, or a JSON string of one.
package enum PolicyDocumentShape {
  static let documentKeys: Set<String> = ["Version", "Id", "Statement"]

  /// Keys whose list values IAM treats as sets, and whose single value equals a one-element list.
  package static let unorderedKeys: Set<String> = [
    "Statement", "Action", "NotAction", "Resource", "NotResource", "AWS", "Service", "Federated",
    "CanonicalUser",
  ]

  package static func isDocument(_ map: OrderedMap<Value>) -> Bool {
    map.contains("Statement") && map.keys.allSatisfy { documentKeys.contains($0) }
  }

  package static func isDocument(_ value: Value) -> Bool {
    guard let map = value.mapValue else { return false }
    return isDocument(map)
  }

  /// Properties that hold a policy document as a JSON string (`RepositoryPolicyText`, a log
  /// group resource policy), parsed; `nil` for any other value.
  package static func parsedJSONDocument(_ value: Value) -> Value? {
    guard let text = value.stringValue,
      text.first == "{" || text.hasPrefix(" ") || text.hasPrefix("\n")
    else {
      return nil
    }
    let trimmed = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    guard trimmed.first == "{", trimmed.contains("Statement") else { return nil }
    guard let parsed = try? Value.parse(Array(text.utf8), file: "<policy>", format: .json),
      isDocument(parsed)
    else { return nil }
    return parsed
  }

  /// The statements of a document as written, whether one statement or a list.
  package static func statements(of document: Value) -> [Value] {
    elements(document["Statement"])
  }

  /// The elements of an IAM field as a list: `"s3:GetObject"` and `["s3:GetObject"]` alike.
  package static func elements(_ value: Value?) -> [Value] {
    guard let value else { return [] }
    if let list = value.listValue { return list }
    return [value]
  }

  /// Every policy document inside `value` (a resource's properties), with its path: mappings
  /// shaped like a document and JSON strings of one, in both branches of an `Fn::If` (either
  /// may be deployed). The caller chooses how a path is written: `key` extends it by a mapping
  /// key, `elements` gives for a list the path of each of its positions (the diff names list
  /// elements by their identity, worked out once per list).
  package static func documents<Path>(
    in value: Value, at path: Path, key: (Path, String) -> Path,
    elements: (Path, [Value]) -> (Int) -> Path
  ) -> [(path: Path, document: Value)] {
    var found: [(path: Path, document: Value)] = []
    func walk(_ value: Value, at path: Path) {
      if isDocument(value) { return found.append((path, value)) }
      if let parsed = parsedJSONDocument(value) { return found.append((path, parsed)) }
      switch value.kind {
      case .map(let map):
        for entry in map.entries { walk(entry.value, at: key(path, entry.key)) }
      case .list(let list):
        let position = elements(path, list)
        for (index, element) in list.enumerated() { walk(element, at: position(index)) }
      case .intrinsic(.if(_, let then, let otherwise)):
        walk(then, at: path)
        walk(otherwise, at: path)
      default:
        break
      }
    }
    walk(value, at: path)
    return found
  }
}
