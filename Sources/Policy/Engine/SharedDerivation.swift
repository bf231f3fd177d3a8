/// The derived values that many rules share, by name, so the benchmark can time them apart
/// from the rules that use them (`benchmark rules FILE`).
public enum SharedDerivation {
  public static let all: [(name: String, derive: @Sendable (TemplateMemo) -> Void)] = [
    ("(policy index)", { _ = $0.value(PolicyIndex.self) }),
    ("(correctness facts)", { _ = $0.value(CorrectnessFacts.self) }),
  ]
}
