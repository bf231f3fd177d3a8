import Semantics


/// The derived values that many rules share: the engine derives them first, side by side,
/// when it runs the rules of one template on every core, and the benchmark times them apart
/// from the rules that use them (`benchmark rules FILE`).
public struct SharedDerivation: Sendable {
  public var name: String
  /// The family whose rules use the value; a run without that family does not derive it.
  public var family: Rule.Family
  public var derive: @Sendable (TemplateMemo) -> Void

  public static let all: [SharedDerivation] = [
    SharedDerivation(
      name: "(policy index)", family: .policy, derive: { _ = $0.value(PolicyIndex.self) }),
    SharedDerivation(
      name: "(correctness facts)", family: .correctness,
      derive: { _ = $0.value(CorrectnessFacts.self) }),
  ]

  /// The shared values `rules` use, the costliest first.
  public static func wanted(by rules: [Rule]) -> [SharedDerivation] {
    let families = Set(rules.map(\.family))
    return all.filter { families.contains($0.family) }
  }
}
