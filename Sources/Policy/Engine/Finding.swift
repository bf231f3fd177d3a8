import Template

/// One thing a rule found: which rule, where, about which resource, and what to do.
///
/// A finding is copied many times on its way out (merged per template, suppressed, sorted,
/// filtered, listed), tens of thousands of them on a large run; its strings therefore live
/// behind one reference (`Text`), so a copy costs one retain rather than one per string.
///
/// What every finding is asked on the way (its rule id and whether it is suppressed: the sort,
/// the suppressions, the summary) is kept in the value itself. Read through `Text`, each was a
/// cache miss per finding: the texts are made on every core and lie all over the heap.
public struct Finding: Sendable, Hashable {
  public var severity: Severity
  public var location: SourceLocation
  /// A rule id is short enough to be stored in the string itself: copying it retains nothing.
  public var ruleID: String
  /// Set when a suppression covers this finding (see `suppression`).
  public private(set) var isSuppressed = false
  private var text: Text

  public var message: String {
    get { text.fields.message }
    set { fields.message = newValue }
  }

  /// The resource (or parameter, output, condition) the finding is about, when there is one.
  public var logicalID: String? {
    get { text.fields.logicalID }
    set { fields.logicalID = newValue }
  }

  /// The property path inside the resource, `Properties.BucketEncryption...`, when known.
  public var path: String? {
    get { text.fields.path }
    set { fields.path = newValue }
  }

  /// Set when a suppression in the resource's Metadata covers this finding.
  public var suppression: Suppression? {
    get { text.fields.suppression }
    set {
      fields.suppression = newValue
      isSuppressed = newValue != nil
    }
  }

  /// What a suppression may narrow itself to, besides `path`: `action` (`s3:DeleteObject`),
  /// `statement` (the statement's Sid, or its 1-based position when it has none). Rules that
  /// report one statement or one action set these so a suppression can accept exactly that.
  public var scope: [String: String] {
    get { text.fields.scope }
    set { fields.scope = newValue }
  }

  public init(
    ruleID: String, severity: Severity, message: String, logicalID: String? = nil,
    location: SourceLocation, path: String? = nil, suppression: Suppression? = nil
  ) {
    self.severity = severity
    self.location = location
    self.ruleID = ruleID
    isSuppressed = suppression != nil
    text = Text(
      Fields(message: message, logicalID: logicalID, path: path, suppression: suppression))
  }

  /// The strings, changed by replacing the shared `Text` with a new one: findings are changed
  /// rarely (a suppression, a scope) and copied often.
  private var fields: Fields {
    get { text.fields }
    set { text = Text(newValue) }
  }

  private struct Fields: Sendable, Hashable {
    var message: String
    var logicalID: String?
    var path: String?
    var suppression: Suppression?
    var scope: [String: String] = [:]
  }

  /// The strings of a finding, never changed once made, so findings share one freely.
  private final class Text: Sendable, Hashable {
    let fields: Fields

    init(_ fields: Fields) { self.fields = fields }

    static func == (lhs: Text, rhs: Text) -> Bool { lhs === rhs || lhs.fields == rhs.fields }

    func hash(into hasher: inout Hasher) { hasher.combine(fields) }
  }
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

extension Array where Element == Finding {
  /// Whether a finding no suppression covers is at `threshold` or above: what makes `lint`
  /// and `validate` exit 1. Read by position: a closure handed each finding would copy it.
  public func fail(at threshold: Severity) -> Bool {
    indices.contains { !self[$0].isSuppressed && self[$0].severity >= threshold }
  }
}
