import Policy

/// The Markdown page of a rule, `docs/rules/ID.md`: what SARIF's `helpUri` links to, so code
/// scanning and editors open the rationale and the fix from an alert.
///
/// Generated from the catalogue (`formation explain --write-pages docs/rules`), never edited by
/// hand; RulePageTests fails when a page differs from what the catalogue says.
struct RulePage {
  var rule: Rule

  /// `ENC001.md`.
  var fileName: String { rule.id + ".md" }

  var markdown: String {
    let types =
      rule.resourceTypes.isEmpty
      ? "the whole template" : rule.resourceTypes.map { "`\($0)`" }.joined(separator: ", ")
    var rows = [
      ("Severity", rule.severity.rawValue),
      ("Family / theme", "\(rule.family.rawValue) / \(rule.theme)"),
      ("Inspects", types),
    ]
    if let pack = rule.pack {
      rows.append(("Pack", "`\(pack.rawValue)`: off unless `.formation.yaml` lists it under `packs:`"))
    }
    let equivalents = Self.equivalents(of: rule.id)
    if !equivalents.isEmpty { rows.append(("Equivalent ids", equivalents)) }
    let table = rows.map { "| \($0.0) | \($0.1) |" }.joined(separator: "\n")
    return """
      # \(rule.id): \(rule.title)

      | | |
      |---|---|
      \(table)

      ## Why

      \(rule.rationale)

      ## How to fix

      \(rule.remediation)

      ## Suppress

      On the resource, with a reason of 10 characters or more:

      ```yaml
      Metadata:
        formation:
          suppress:
            - rule: \(rule.id)
              reason: "..."
      ```

      Or skip the rule for a repository in `.formation.yaml` (`skip-rules: [\(rule.id)]`).

      ---
      Generated from the rule catalogue; `formation explain \(rule.id)` prints the same in a terminal.

      """
  }

  /// `cfn_nag W35, checkov CKV_AWS_18`.
  static func equivalents(of id: String) -> String {
    (ForeignRuleMapping.cfnNag.filter { $0.value == id }.keys.sorted().map { "cfn_nag \($0)" }
      + ForeignRuleMapping.checkov.filter { $0.value == id }.keys.sorted().map { "checkov \($0)" })
      .joined(separator: ", ")
  }

  /// Every page, and `README.md`: the index of the rules by theme.
  static func all(_ rules: [Rule] = Catalogue.all) -> [(fileName: String, text: String)] {
    let pages = rules.map { RulePage(rule: $0) }
    var index = "# Rules\n\nEvery rule of `formation lint` and `formation validate`, by theme. "
    index += "Generated from the catalogue by `formation explain --write-pages docs/rules`.\n"
    let themes = Dictionary(grouping: rules, by: \.theme).sorted { $0.key < $1.key }
    for (theme, members) in themes {
      index += "\n## \(theme)\n\n| Rule | Severity | Title |\n|---|---|---|\n"
      for rule in members {
        index += "| [\(rule.id)](\(rule.id).md) | \(rule.severity.rawValue) | \(rule.title) |\n"
      }
    }
    return pages.map { ($0.fileName, $0.markdown) } + [("README.md", index)]
  }
}
