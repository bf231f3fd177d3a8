import Template

/// An accepted finding of a policy checker, with the reason a reviewer reads.
///
/// Written into the resource's Metadata in the forms `formation lint` (`formation.suppress`)
/// and checkov (`checkov.skip`) read, so the blueprint states each exception once and both
/// tools honour it. The reason is required: an exception nobody can explain is a finding.
public struct Suppression: Sendable {
  /// The Formation rule id (`LOG002`); nil for a check only another tool makes.
  public var rule: String?
  /// The equivalent checkov check, when checkov has one (`CKV_AWS_21`).
  public var checkov: String?
  public var reason: String

  public init(_ rule: String, checkov: String? = nil, reason: String) {
    self.rule = rule
    self.checkov = checkov
    self.reason = reason
  }

  /// An exception to a checkov check that no Formation rule makes.
  public init(checkov: String, reason: String) {
    self.rule = nil
    self.checkov = checkov
    self.reason = reason
  }
}

extension Array where Element == Suppression {
  /// `{formation: {suppress: [...]}, checkov: {skip: [...]}}`, or nil when empty.
  public var metadata: Value? {
    guard !isEmpty else { return nil }
    var metadata = OrderedMap<Value>()
    let suppressed = compactMap { suppression in
      suppression.rule.map { ["rule": .string($0), "reason": .string(suppression.reason)] as Value }
    }
    if !suppressed.isEmpty { metadata["formation"] = ["suppress": .list(suppressed)] }
    let skips = compactMap { suppression in
      suppression.checkov.map {
        ["id": .string($0), "comment": .string(suppression.reason)] as Value
      }
    }
    if !skips.isEmpty { metadata["checkov"] = ["skip": .list(skips)] }
    return .map(metadata)
  }
}
