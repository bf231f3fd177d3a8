import Policy

/// A named group of rules that only some repositories want, off unless `.formation.yaml` lists
/// it under `packs:` (or `--pack` names it).
///
/// The GeneXOmics invariants (GXO) check one organisation's data flows — which role may write
/// the raw bucket, which may decrypt — and would be noise anywhere else.
struct RulePack: Sendable, Hashable {
  var name: String
  var summary: String
  /// Rule ids, id prefixes or themes, as `--rules` takes them.
  var selectors: [String]

  static let genexomics = RulePack(
    name: "gxo", summary: "GeneXOmics data-flow invariants (raw bucket, pipeline key, Batch logs)",
    selectors: ["GXO"])

  static let all: [RulePack] = [.genexomics]

  static func named(_ name: String) -> RulePack? {
    all.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
  }

  /// Whether the pack holds the rule.
  func contains(_ rule: Rule) -> Bool {
    selectors.contains { RuleSelection.matches($0, rule) }
  }

  /// The catalogue without the rules of packs that are not enabled, except rules that
  /// `selectors` (`--rules`) name: asking for GXO002 by name runs it.
  static func rules(_ catalogue: [Rule], enabling enabled: [RulePack], namedIn selectors: [String])
    -> [Rule]
  {
    catalogue.filter { rule in
      all.allSatisfy { pack in !pack.contains(rule) || enabled.contains(pack) }
        || selectors.contains { RuleSelection.matches($0, rule) }
    }
  }
}
