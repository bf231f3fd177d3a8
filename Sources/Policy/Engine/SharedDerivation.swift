import Semantics


/// The derived values that many rules share: the engine derives them first, side by side,
/// when it runs the rules of one template on every core, and the benchmark times them apart
/// from the rules that use them (`benchmark rules FILE`).
public struct SharedDerivation: Sendable {
  public var name: String
  /// The families whose rules use the value; a run without them does not derive it.
  public var families: Set<Rule.Family>
  public var derive: @Sendable (TemplateMemo) -> Void

  /// The costliest first, so that each starts on a core of its own. The schema findings build
  /// on the correctness facts' index: the core that takes them derives both, while another
  /// reads the policies (SCH019 judges those too, so `validate` wants the index as well).
  public static let all: [SharedDerivation] = [
    SharedDerivation(
      name: "(policy index)", families: [.policy, .correctness],
      derive: { _ = $0.value(PolicyIndex.self) }),
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
    return all.filter { !$0.families.isDisjoint(with: families) }
  }
}
