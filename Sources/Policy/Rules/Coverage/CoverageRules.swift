import Template

/// The catalogue entry for resources no rule checks (COV001). Its findings come from the
/// engine (`Coverage`), which needs to know every rule that ran; the rule's own check reports
/// nothing. Listing it lets `explain COV001`, SARIF descriptors, `--skip-rules COV` and a
/// suppression with a reason ("checked by the Glue team's own review") work as for any rule.
public enum CoverageRules {
  public static let theme = "coverage"

  public static var rules: [Rule] { [unchecked] }

  /// COV001: a resource whose type no policy rule judges.
  public static let unchecked = Rule(
    id: "COV001", title: "Every resource is checked by some policy rule", severity: .info,
    family: .policy, theme: theme,
    rationale:
      "Lint that says nothing about a resource it does not understand looks like lint that found nothing wrong. Naming the resources no rule examined tells a reviewer what still needs their eyes; --require-coverage makes each one an error for teams that want the gate to fail closed.",
    remediation:
      "Review the resource by hand and suppress COV001 on it with the reason (Metadata formation.suppress), or propose a rule for its type."
  ) { _ in [] }
}
