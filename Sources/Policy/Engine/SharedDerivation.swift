import Semantics

/// The derived values that many rules share: the engine derives them first, side by side,
/// when it runs the rules of one template on every core, and the benchmark times them apart
/// from the rules that use them (`benchmark rules FILE`).
public struct SharedDerivation: Sendable {
  public var name: String
  /// The families whose rules use the value; a run without them does not derive it.
  public var families: Set<Rule.Family>
  /// The families whose run derives the value as part of another listed here: the run then
  /// leaves it to that one rather than wait for it on a second core.
  public var derivedWithin: Set<Rule.Family> = []
  public var derive: @Sendable (TemplateMemo) -> Void

  /// The costliest first, so that each starts on a core of its own. The schema findings build
  /// on the correctness facts' index: the core that takes them derives both, while another
  /// reads the policies. `validate` reads the documents as written for SCH019; `lint` wants
  /// the index, which spells them out.
  public static let all: [SharedDerivation] = [
    SharedDerivation(
      name: "(policy index)", families: [.policy],
      derive: { _ = $0.value(PolicyIndex.self) }),
    SharedDerivation(
      name: "(policy documents)", families: [.correctness], derivedWithin: [.policy],
      derive: { _ = $0.value(PolicyDocuments.self) }),
    SharedDerivation(
      name: "(schema findings)", families: [.correctness],
      derive: { _ = $0.value(SchemaFacts.self) }),
    SharedDerivation(
      name: "(correctness facts)", families: [.correctness],
      derive: { _ = $0.value(CorrectnessFacts.self) }),
  ]

  /// The shared values `rules` use, the costliest first.
  public static func wanted(by rules: [Rule]) -> [SharedDerivation] {
    let families = Set(rules.map(\.family))
    return all.filter {
      !$0.families.isDisjoint(with: families) && $0.derivedWithin.isDisjoint(with: families)
    }
  }
}
