import Template

/// A suppression as written in a resource's Metadata, before it is matched to findings.
///
/// Formation's own form is `Metadata: {formation: {suppress: [{rule: ENC001, reason: "...", path: ...}]}}`;
/// cfn_nag's `rules_to_suppress` and checkov's `skip` entries are read too, mapped to the
/// equivalent Formation rule, so a team can migrate without rewriting every suppression.
public struct DeclaredSuppression: Sendable, Hashable {
  /// The keys that narrow a suppression to one finding; each must equal the finding's value.
  public static let scopeKeys = ["path", "action", "statement"]

  /// The resource whose Metadata holds the suppression.
  public var logicalID: String
  /// The Formation rule suppressed.
  public var ruleID: String
  public var reason: String
  public var source: Suppression.Source
  /// The other tool's id (`W35`, `CKV_AWS_18`) for a mapped suppression.
  public var foreignID: String?
  /// `path`, `action`, `statement`: all given must match.
  public var scope: [String: String]
  /// For a mapped cfn_nag, checkov or cfn-guard entry: the part of the rule's findings the
  /// other tool's check is about (see `ForeignReach`); `nil` reaches all of them.
  public var aspect: ForeignReach.Aspect?
  /// Where the entry was written.
  public var location: SourceLocation

  public init(
    logicalID: String, ruleID: String, reason: String, source: Suppression.Source = .formation,
    foreignID: String? = nil, scope: [String: String] = [:], aspect: ForeignReach.Aspect? = nil,
    location: SourceLocation
  ) {
    self.aspect = aspect
    self.logicalID = logicalID
    self.ruleID = ruleID
    self.reason = reason
    self.source = source
    self.foreignID = foreignID
    self.scope = scope
    self.location = location
  }

  /// True when this suppression accepts `finding`.
  public func covers(_ finding: Finding) -> Bool {
    guard finding.logicalID == logicalID,
      finding.ruleID.caseInsensitiveCompare(ruleID) == .orderedSame
    else {
      return false
    }
    if let aspect, !aspect.covers(finding) { return false }
    for (key, wanted) in scope {
      switch key {
      case "path":
        guard let path = finding.path,
          path == wanted || path.hasPrefix(wanted + ".") || path.hasPrefix(wanted + "[")
        else { return false }
      case "action":
        guard finding.scope["action"]?.lowercased() == wanted.lowercased() else { return false }
      default:
        guard finding.scope[key] == wanted else { return false }
      }
    }
    return true
  }

  /// The suppression a covered finding carries.
  public var suppression: Suppression {
    var suppression = Suppression(
      ruleID: ruleID, reason: reason, source: source, location: location)
    suppression.foreignID = foreignID
    return suppression
  }

  /// `ENC001`, or `cfn_nag W41 (ENC001)` for a mapped one.
  public var label: String {
    guard let foreignID else { return ruleID }
    return "\(source.rawValue) \(foreignID) (\(ruleID))"
  }
}
