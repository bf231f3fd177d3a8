import Template

/// How the differ recognises an IAM policy document and which of its lists are sets.
///
/// Recognised by shape, not by property name, so every resource policy counts (bucket,
/// key, topic, queue, repository, endpoint, secret, domain) including ones added to
/// CloudFormation after this was written: a mapping with `Statement` and nothing but
/// `Version` and `Id` beside it.
enum PolicyDocument {
  static let documentKeys: Set<String> = ["Version", "Id", "Statement"]

  /// Keys whose list values IAM treats as sets, and whose single value equals a one-element list.
  static let unorderedKeys: Set<String> = [
    "Statement", "Action", "NotAction", "Resource", "NotResource", "AWS", "Service", "Federated",
    "CanonicalUser",
  ]

  static func isDocument(_ map: OrderedMap<Value>) -> Bool {
    map.contains("Statement") && map.keys.allSatisfy { documentKeys.contains($0) }
  }

  static func isDocument(_ value: Value) -> Bool {
    guard let map = value.mapValue else { return false }
    return isDocument(map)
  }

  /// Properties that hold a policy document as a JSON string (`RepositoryPolicyText`,
  /// a log group resource policy): parsed so their statements compare like any other.
  static func parsedJSONDocument(_ value: Value) -> Value? {
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

  /// The statements of a document as a list, whether written as one statement or a list.
  static func statements(of document: Value) -> [Value] {
    guard let statement = document["Statement"] else { return [] }
    if let list = statement.listValue { return list }
    return [statement]
  }

  /// The elements of an IAM field as a list: `"s3:GetObject"` and `["s3:GetObject"]` alike.
  static func elements(_ value: Value?) -> [Value] {
    guard let value else { return [] }
    if let list = value.listValue { return list }
    return [value]
  }
}
