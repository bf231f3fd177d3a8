import Template

/// How the differ pairs the elements of two lists.
///
/// A list of named things (tags by `Key`, statements by `Sid`, inline policies by
/// `PolicyName`, lifecycle rules by `Id`) is compared element by element by name, so
/// inserting a tag at the front reports one added tag, not every tag shifted by one.
/// Some lists are sets to CloudFormation and the services (tags, security-group rules,
/// managed policy ARNs, DependsOn): a new order is no change. Every other list keeps its
/// order, because CloudFormation passes the order on and a reorder is an update.
enum ListIdentity {
  /// Keys that name an element, tried in this order. The first one that every element of
  /// both lists has, as a literal, unique within each list, is used.
  static let identityKeys = [
    "Sid", "Key", "PolicyName", "AttributeName", "IndexName", "Id", "Name", "RuleName",
    "ContainerName",
    "DeviceName", "ParameterKey", "Namespace", "OptionName",
  ]

  /// Property names whose lists are sets.
  static let unorderedKeys: Set<String> = [
    "Tags", "SecurityGroupIngress", "SecurityGroupEgress", "ManagedPolicyArns", "DependsOn",
    "Policies",
    "AttributeDefinitions", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
  ]

  /// The identity key shared by every element of both lists, if there is one.
  static func identityKey(_ old: [Value], _ new: [Value]) -> String? {
    guard !old.isEmpty || !new.isEmpty else { return nil }
    for key in identityKeys where hasUniqueIdentity(old, key) && hasUniqueIdentity(new, key) {
      return key
    }
    return nil
  }

  /// The literal identity of an element under `key`, or `nil`.
  static func identity(of element: Value, key: String) -> String? {
    guard let value = element.mapValue?[key] else { return nil }
    return Fingerprint.scalarText(value)
  }

  private static func hasUniqueIdentity(_ elements: [Value], _ key: String) -> Bool {
    var seen = Set<String>()
    for element in elements {
      guard let identity = identity(of: element, key: key), seen.insert(identity).inserted else {
        return false
      }
    }
    return true
  }

  /// Pairs of equal elements of two lists, in order (longest common subsequence by fingerprint).
  /// Lists too long for the quadratic table are paired by position instead.
  static func commonSubsequence(_ old: [String], _ new: [String]) -> [(Int, Int)] {
    let n = old.count
    let m = new.count
    guard n > 0, m > 0 else { return [] }
    guard n * m <= 4_000_000 else {
      return (0..<min(n, m)).filter { old[$0] == new[$0] }.map { ($0, $0) }
    }
    var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i * (m + 1) + j] =
          old[i] == new[j]
          ? table[(i + 1) * (m + 1) + j + 1] + 1
          : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
      }
    }
    var pairs: [(Int, Int)] = []
    var i = 0
    var j = 0
    while i < n, j < m {
      if old[i] == new[j] {
        pairs.append((i, j))
        i += 1
        j += 1
      } else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
        i += 1
      } else {
        j += 1
      }
    }
    return pairs
  }
}
