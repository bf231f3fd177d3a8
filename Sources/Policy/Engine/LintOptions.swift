/// What a lint run turns on beyond the core catalogue: one value that a command line, a
/// configuration file or a test fills in, so each spells the choice the same way.
public struct LintOptions: Sendable, Hashable {
  /// The opt-in packs whose rules run (see `RulePack`); none by default.
  public var packs: Set<RulePack>
  /// A resource that no policy rule checks is an error rather than a count in the summary
  /// (see `Coverage`).
  public var requireCoverage: Bool

  public init(packs: Set<RulePack> = [], requireCoverage: Bool = false) {
    self.packs = packs
    self.requireCoverage = requireCoverage
  }

  /// The rules of `catalogue` that run: the core rules and those of the enabled packs.
  public func enabled(_ catalogue: [Rule]) -> [Rule] {
    catalogue.filter { rule in rule.pack.map { packs.contains($0) } ?? true }
  }
}
