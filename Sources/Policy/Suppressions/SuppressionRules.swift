import Template

/// The catalogue entries for suppressions themselves: an unused one (SUP001) and an invalid
/// one (SUP002). Their findings come from `SuppressionPass`, which needs every other rule's
/// findings first; the rules' own checks therefore report nothing.
public enum SuppressionRules {
  public static let theme = "suppressions"

  public static var rules: [Rule] { [unused, invalid] }

  /// SUP001: a suppression that covers no finding.
  public static let unused = Rule(
    id: "SUP001", title: "Suppression matches no finding", severity: .warning, family: .policy,
    theme: theme,
    rationale:
      "A suppression that no longer matches anything (the resource was fixed, the rule renamed, the scope mistyped) hides the next real finding of that rule on that resource without anyone deciding to accept it.",
    remediation:
      "Remove the suppression, or correct its rule id and scope (path, action, statement). Suppressions of rules that did not run (--rules, --skip-rules) are not judged."
  ) { _ in [] }

  /// SUP002: a suppression that cannot be used.
  public static let invalid = Rule(
    id: "SUP002", title: "Suppression is valid (known rule, reason of 10 characters or more)",
    severity: .error,
    family: .policy, theme: theme,
    rationale:
      "Accepting a finding is a decision a reviewer must be able to read: a suppression without a reason, with a one-word reason, naming no rule, or with unknown keys is ignored and reported instead.",
    remediation:
      "Write `Metadata: {formation: {suppress: [{rule: ENC001, reason: \"why this is accepted\"}]}}`, optionally with path, action or statement to narrow it to one finding."
  ) { _ in [] }
}
