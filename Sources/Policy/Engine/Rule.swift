import Semantics
import Template

/// A check in the catalogue: a stable id, what it looks at, why, how to fix, and the check itself.
///
/// Template-correctness checks (`formation validate`) and policy rules (`formation lint`)
/// are the same type in one catalogue, so one engine runs both and one reporter prints both.
/// Ids are never reused; severity is a field, never part of the id.
///
/// A class, never changed once made: a check hands each rule to a context of its own, on
/// every template of a run, and a copy of a structure this size retained each of its
/// strings and its closure.
public final class Rule: Sendable {
  /// The two families of the catalogue.
  public enum Family: String, Sendable, Hashable, CaseIterable {
    /// Structure and references: what `formation validate` runs.
    case correctness
    /// Least privilege, encryption, isolation, logging: what `formation lint` adds.
    case policy
  }

  public let id: String
  public let title: String
  public let severity: Severity
  public let family: Family
  /// The theme the rule belongs to (`template`, `encryption-at-rest`, `least-privilege`, ...).
  public let theme: String
  /// The resource types the rule judges. A resource whose type no policy rule lists is
  /// reported as not checked (`Coverage`); a rule that reads the whole template (the policy
  /// index) lists the types whose policies it judges. Empty only for rules about the
  /// template itself (suppressions, coverage).
  public let resourceTypes: [String]
  /// True for a rule that also judges what is not a resource of `resourceTypes` (SEC001 reads
  /// parameter defaults): it runs on every template. Any other rule with types runs only on
  /// templates that declare one of them.
  public let judgesBeyondItsTypes: Bool
  /// The opt-in pack the rule belongs to (`genexomics`), `nil` for the core catalogue that
  /// runs on every template (see `LintOptions.packs`).
  public let pack: RulePack?
  public let rationale: String
  public let remediation: String
  /// Runs the rule over one template and reports what it finds.
  public let check: @Sendable (RuleContext) -> [Finding]

  public init(
    id: String, title: String, severity: Severity, family: Family, theme: String,
    resourceTypes: [String] = [], judgesBeyondItsTypes: Bool = false, pack: RulePack? = nil,
    rationale: String, remediation: String, check: @escaping @Sendable (RuleContext) -> [Finding]
  ) {
    self.id = id
    self.title = title
    self.severity = severity
    self.family = family
    self.theme = theme
    self.resourceTypes = resourceTypes
    self.judgesBeyondItsTypes = judgesBeyondItsTypes
    self.pack = pack
    self.rationale = rationale
    self.remediation = remediation
    self.check = check
  }
}

/// What a rule sees: the template, what the rules of the check derive from it once (`memo`),
/// and helpers that read resources and make findings with the rule's id and severity.
///
/// A class, never changed once made: rules hand their context to every helper and closure
/// they use, and a copy of the template and the rule it holds cost dozens of retains.
public final class RuleContext: Sendable {
  public let template: Template
  public let rule: Rule
  /// Shared by every rule of one check of `template` (see `TemplateMemo`).
  public let memo: TemplateMemo
  /// The check's resource tables and resolver (see `CheckStore`).
  let store: CheckStore

  /// A context sharing `memo` with the other rules of a check; without one, the rule derives
  /// what it needs on its own.
  public init(template: Template, rule: Rule, memo: TemplateMemo? = nil) {
    self.template = template
    self.rule = rule
    let memo = memo ?? TemplateMemo(template)
    self.memo = memo
    store = memo.value(CheckStore.self)
  }

  /// The file the template came from, for locations of values built in memory.
  public var file: String { template.file ?? "<template>" }

  /// A finding with this rule's id and severity (or `severity` when given), located at the best
  /// location available: the value's, else the resource's, else the top of the file.
  public func finding(
    _ message: String, logicalID: String? = nil, at location: SourceLocation? = nil,
    path: String? = nil, severity: Severity? = nil
  ) -> Finding {
    // The resource is looked up only when the finding has no location of its own (most have).
    let located =
      location ?? logicalID.flatMap { store.keyLocation(of: $0) }
      ?? SourceLocation(file: file, line: 1, column: 1)
    return Finding(
      ruleID: rule.id, severity: severity ?? rule.severity, message: message, logicalID: logicalID,
      location: located, path: path)
  }
}
