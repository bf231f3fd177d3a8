import Semantics
import Template

/// Runs a set of rules over templates and returns their findings in a stable order.
public struct Engine: Sendable {
  public var rules: [Rule]
  /// How strict the run is about resources no rule checks (`requireCoverage`); the packs
  /// of the options are the caller's to apply when choosing `rules` (`LintOptions.enabled`).
  public var options: LintOptions

  public init(rules: [Rule], options: LintOptions = LintOptions()) {
    self.rules = rules
    self.options = options
    reportsCoverage = rules.contains { $0.id == CoverageRules.unchecked.id }
    coveredTypes = Coverage.coveredTypes(by: rules)
    var rulesByType: [String: [Int]] = [:]
    for (position, rule) in rules.enumerated()
    where !rule.resourceTypes.isEmpty
      && !rule.judgesBeyondItsTypes
    {
      for type in Set(rule.resourceTypes) { rulesByType[type, default: []].append(position) }
    }
    self.rulesByType = rulesByType
  }

  /// The positions in `rules` of the rules that judge only resources of a type, by type: a
  /// template's few types find the rules that apply to it, instead of every rule asking
  /// whether the template declares one of its types.
  private let rulesByType: [String: [Int]]

  /// The types the policy rules judge, for `Coverage`: the same for every template checked
  /// with every rule.
  private let coveredTypes: Set<String>

  /// True when COV001 is among the rules: the unchecked resources are then reported.
  private let reportsCoverage: Bool

  /// Every finding of every rule, sorted by location, then rule id, then message, so output is
  /// the same run to run.
  ///
  /// The rules run on every core at once, sharing one `TemplateMemo`: what several rules derive
  /// (the policy index, the correctness facts) is computed once, by the first rule that asks.
  public func check(_ template: Template, exports: ExportIndex = ExportIndex()) -> [Finding] {
    check(template, rulesConcurrently: true, exports: exports)
  }

  /// The findings of each template, in the order given. Templates are checked concurrently,
  /// each with its rules in turn: a run over many files keeps every core busy without two
  /// rules of one template waiting for the same derived value.
  public func check(_ templates: [Template], exports: ExportIndex = ExportIndex()) -> [[Finding]] {
    guard templates.count > 1 else { return templates.map { check($0, exports: exports) } }
    return templates.concurrentMap { template in
      check(template, rulesConcurrently: false, exports: exports)
    }
  }

  /// Every finding of every rule, sorted; the rules run concurrently or in turn (when the
  /// caller already keeps every core busy with other templates).
  ///
  /// `memo` lets a caller share derived values across calls (the benchmark times each rule
  /// with the shared values already derived); it must be a memo of `template`. `exports` are
  /// those of the templates checked together with this one (see `Checker`).
  ///
  /// A template with `AWS::LanguageExtensions` is checked as the transform leaves it (see
  /// `Template.expandingLanguageExtensions`): four tables a `Fn::ForEach` makes are four tables.
  public func check(
    _ template: Template, rulesConcurrently: Bool, memo: TemplateMemo? = nil,
    exports: ExportIndex = ExportIndex()
  ) -> [Finding] {
    // A SAM template's Globals are applied to the resources they cover, and a template with
    // language extensions expanded, unless the caller brought its own memo.
    let template =
      memo?.template ?? SAMGlobals.applied(to: template.expandingLanguageExtensions())
    let memo = memo ?? TemplateMemo(template, exports: exports)
    // Checks a macro makes blind are not run (TPL030 says which, once).
    let skipped = MacroOutput.skippedChecks(for: template)
    // A rule about resource types the template does not declare has nothing to judge and is
    // not run: on a folder of templates, most of the catalogue is about types a given
    // template lacks (see `Rule.judgesBeyondItsTypes` for the rules that always run).
    let store = memo.value(CheckStore.self)
    var applies = self.rules.map { $0.resourceTypes.isEmpty || $0.judgesBeyondItsTypes }
    for type in store.types {
      for position in rulesByType[type] ?? [] { applies[position] = true }
    }
    let applicable = self.rules.indices.compactMap { position in
      applies[position] && !skipped.contains(self.rules[position].id) ? self.rules[position] : nil
    }
    let rules = skipped.isEmpty ? rules : rules.filter { !skipped.contains($0.id) }
    let run = { @Sendable (rule: Rule) in
      rule.check(RuleContext(template: template, rule: rule, memo: memo))
    }
    let findings: [[Finding]]
    if rulesConcurrently {
      // The shared values are derived first, side by side (the policy index on one core, the
      // correctness facts on the other), so no rule sits waiting for one that another rule
      // started; the rules follow as cores free up.
      let work =
        SharedDerivation.wanted(by: applicable).map(Work.derive) + applicable.map(Work.rule)
      findings = work.concurrentMap { item in
        switch item {
        case .derive(let derivation):
          derivation.derive(memo)
          return []
        case .rule(let rule):
          return run(rule)
        }
      }
    } else {
      findings = applicable.map(run)
    }
    var all: [Finding] = []
    all.reserveCapacity(findings.reduce(0) { $0 + $1.count })
    for part in findings { all += part }
    if reportsCoverage {
      let coverage =
        skipped.isEmpty
        ? Coverage(template, covered: coveredTypes) : Coverage(template, rules: rules)
      all += coverage.findings(
        severity: options.requireCoverage ? .error : CoverageRules.unchecked.severity)
    }
    // What a check of one template derived (the policy index, the facts, the tables) is as
    // large as the template: dropped here it would be freed node by node on this core before
    // the findings can be reported. Handed over, it is freed in the background, or at exit by
    // a run of the command line (see `keepReleasedValuesUntilExit`). A check among many frees
    // its memo where it is: the next template's check reuses that memory, where keeping every
    // memo doubled a folder's pages.
    if rulesConcurrently { releaseInBackground(memo) }
    // Findings are large values: their positions are sorted, and each is copied once. The
    // comparisons read the findings in place: a copy for each retained its shared text.
    let order = all.withUnsafeBufferPointer { findings in
      findings.indices.sorted { Finding.stableOrder(findings[$0], findings[$1]) }
    }
    return order.map { all[$0] }
  }
}

/// One piece of a concurrent check: deriving a shared value, or running a rule.
private enum Work: Sendable {
  case derive(SharedDerivation)
  case rule(Rule)
}

extension Finding {
  /// File, line, column, rule id, logical id, message: the order every reporter prints.
  public static func stableOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.location != rhs.location { return lhs.location < rhs.location }
    if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
    if lhs.logicalID != rhs.logicalID { return (lhs.logicalID ?? "") < (rhs.logicalID ?? "") }
    return lhs.message < rhs.message
  }
}
