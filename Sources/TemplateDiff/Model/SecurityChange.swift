import Policy
import Semantics
import Template

/// Which way a security change moves: more allowed, less allowed, or both.
public enum Impact: String, Sendable, Hashable, Codable {
  case broadening
  case narrowing
  /// Some of both (a statement that gains one action and loses another), or a change whose
  /// direction depends on values the template cannot tell.
  case changed
}

/// An IAM statement added, removed or modified in an identity or resource policy.
public struct StatementChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case added
    case removed
    case modified
  }

  public var logicalID: String
  public var resourceType: String
  /// Where the policy document is: `Properties.Policies[PolicyName=read].PolicyDocument`.
  public var document: PropertyPath
  public var kind: Kind
  public var impact: Impact
  /// The statement as deployed / as proposed (normalised: lists always, actions sorted).
  public var old: Value?
  public var new: Value?
  /// What changed, one line each: `actions added: s3:*`, `effect: Deny → Allow`.
  public var details: [String]

  public init(
    logicalID: String, resourceType: String, document: PropertyPath, kind: Kind, impact: Impact,
    old: Value?, new: Value?, details: [String]
  ) {
    self.logicalID = logicalID
    self.resourceType = resourceType
    self.document = document
    self.kind = kind
    self.impact = impact
    self.old = old
    self.new = new
    self.details = details
  }
}

/// A security-group rule added or removed, inline or as its own resource.
public struct NetworkRuleChange: Sendable, Hashable {
  public typealias Direction = TrafficDirection

  public var logicalID: String
  public var direction: Direction
  public var kind: StatementChange.Kind
  public var impact: Impact
  /// `tcp 22 from 0.0.0.0/0`, `all traffic to sg BatchSecurityGroup`.
  public var rule: String
  public var isOpenToWorld: Bool

  public init(
    logicalID: String, direction: Direction, kind: StatementChange.Kind, impact: Impact,
    rule: String,
    isOpenToWorld: Bool
  ) {
    self.logicalID = logicalID
    self.direction = direction
    self.kind = kind
    self.impact = impact
    self.rule = rule
    self.isOpenToWorld = isOpenToWorld
  }
}

/// A protective setting (encryption, public-access block, key rotation) turned off or on.
public struct ProtectionChange: Sendable, Hashable {
  public var logicalID: String
  public var resourceType: String
  public var setting: PropertyPath
  /// `broadening` when protection is turned off, `narrowing` when it is turned on.
  public var impact: Impact
  public var message: String

  public init(
    logicalID: String, resourceType: String, setting: PropertyPath, impact: Impact, message: String
  ) {
    self.logicalID = logicalID
    self.resourceType = resourceType
    self.setting = setting
    self.impact = impact
    self.message = message
  }
}

/// Everything the security section shows, first in the output.
public struct SecurityReport: Sendable, Hashable {
  public var statements: [StatementChange] = []
  public var networkRules: [NetworkRuleChange] = []
  public var protections: [ProtectionChange] = []
  /// Findings of the policy checker on the proposed side that the deployed side does not have.
  public var introducedFindings: [Finding] = []
  /// Findings of the deployed side that the proposed side no longer has.
  public var fixedFindings: [Finding] = []

  public init() {}

  public var isEmpty: Bool {
    statements.isEmpty && networkRules.isEmpty && protections.isEmpty && introducedFindings.isEmpty
      && fixedFindings.isEmpty
  }

  /// Changes that make the stack less safe: broadened permissions, opened rules, protection
  /// turned off, new findings.
  public var hasWeakening: Bool {
    statements.contains { $0.impact != .narrowing }
      || networkRules.contains { $0.impact != .narrowing }
      || protections.contains { $0.impact != .narrowing } || !introducedFindings.isEmpty
  }
}

extension Finding {
  /// Identity of a finding across the two sides: rule, logical id and message, never the
  /// location (lines move when anything above them changes).
  var diffKey: String { "\(ruleID)\u{1F}\(logicalID ?? "")\u{1F}\(message)" }
}
