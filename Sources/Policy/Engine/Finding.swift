import Template

/// One thing a rule found: which rule, where, about which resource, and what to do.
public struct Finding: Sendable, Hashable {
  public var ruleID: String
  public var severity: Severity
  public var message: String
  /// The resource (or parameter, output, condition) the finding is about, when there is one.
  public var logicalID: String?
  public var location: SourceLocation
  /// The property path inside the resource, `Properties.BucketEncryption...`, when known.
  public var path: String?
  /// Set when a suppression in the resource's Metadata covers this finding.
  public var suppression: Suppression?
  /// What a suppression may narrow itself to, besides `path`: `action` (`s3:DeleteObject`),
  /// `statement` (the statement's Sid, or its 1-based position when it has none). Rules that
  /// report one statement or one action set these so a suppression can accept exactly that.
  public var scope: [String: String] = [:]

  public init(
    ruleID: String, severity: Severity, message: String, logicalID: String? = nil,
    location: SourceLocation, path: String? = nil, suppression: Suppression? = nil
  ) {
    self.ruleID = ruleID
    self.severity = severity
    self.message = message
    self.logicalID = logicalID
    self.location = location
    self.path = path
    self.suppression = suppression
  }

  public var isSuppressed: Bool { suppression != nil }
}

/// Why a finding is accepted: the rule, the reason, and who wrote it (Formation, cfn_nag,
/// checkov, cfn-guard).
public struct Suppression: Sendable, Hashable {
  public enum Source: String, Sendable, Hashable {
    case formation
    case cfnNag = "cfn_nag"
    case checkov
    /// `Metadata.guard.SuppressedRules`, the cfn-guard rule names AWS's samples list.
    case cfnGuard = "cfn-guard"
    /// Not written in the template: the finding is in the baseline file given with
    /// `lint --baseline`, recorded when the repository adopted Formation.
    case baseline
  }

  public var ruleID: String
  public var reason: String
  public var source: Source
  public var location: SourceLocation?
  /// The other tool's own id (`W35`, `CKV_AWS_18`) when `source` is cfn_nag or checkov and the
  /// suppression was mapped to the equivalent Formation rule `ruleID`.
  public var foreignID: String? = nil

  public init(ruleID: String, reason: String, source: Source = .formation, location: SourceLocation? = nil) {
    self.ruleID = ruleID
    self.reason = reason
    self.source = source
    self.location = location
  }
}
