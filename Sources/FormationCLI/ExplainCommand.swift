import ArgumentParser
import Foundation
import Policy

/// `formation explain ID`: everything the catalogue says about one rule, from the same value
/// `lint` runs. Accepts a cfn_nag or checkov id too, and names the equivalent Formation rule.
public struct ExplainCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a rule: title, severity, theme, resource types, rationale and remediation.",
    discussion: "Exit status: 0 when the rule exists, 2 when no rule has that id."
  )

  @Argument(
    help: ArgumentHelp(
      "A rule id (ENC001), or a cfn_nag (W35) or checkov (CKV_AWS_18) id.", valueName: "id"))
  public var id: String?

  @Option(help: "Output format: text, or markdown (the rule's page, as in docs/rules).")
  public var format: ExplainFormat = .text

  /// Writes every rule's page and the index into a folder: how docs/rules is generated.
  @Option(name: .customLong("write-pages"), help: .hidden)
  public var pagesFolder: String?

  public init() {}

  public func validate() throws {
    if id == nil && pagesFolder == nil { throw ValidationError("Missing expected argument '<id>'") }
  }

  public func run() throws {
    try execute().emit()
  }

  public func execute() -> CommandResult {
    if let pagesFolder { return writePages(into: pagesFolder) }
    let id = self.id ?? ""
    var note = ""
    var rule = Catalogue.rule(id: id)
    if rule == nil {
      for source in [Suppression.Source.cfnNag, .checkov, .cfnGuard] {
        if let mapped = ForeignRuleMapping.formationRule(for: id, source: source) {
          rule = Catalogue.rule(id: mapped)
          note =
            "\(id.uppercased()) is \(source.rawValue)'s id; the equivalent Formation rule is \(mapped).\n\n"
          break
        }
      }
    }
    guard let rule else {
      let close = Catalogue.all.map(\.id).filter { $0.hasPrefix(id.uppercased().prefix(3)) }.prefix(
        5)
      let hint = close.isEmpty ? "" : "; rules with that prefix: \(close.joined(separator: ", "))"
      return CommandResult(
        standardError:
          "error: no rule \(id)\(hint); `formation lint --list-rules` lists them all\n", exitCode: 2
      )
    }
    if format == .markdown {
      return CommandResult(standardOutput: RulePage(rule: rule).markdown, exitCode: 0)
    }
    return CommandResult(standardOutput: note + Self.text(for: rule), exitCode: 0)
  }

  /// The pages of `RulePage.all`, each written atomically; pages of rules that left the catalogue are removed.
  private func writePages(into folder: String) -> CommandResult {
    let pages = RulePage.all()
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let names = Set(pages.map(\.fileName))
      for stale in try FileManager.default.contentsOfDirectory(atPath: folder)
      where stale.hasSuffix(".md") && !names.contains(stale) {
        try FileManager.default.removeItem(atPath: folder + "/" + stale)
      }
      for page in pages {
        try AtomicFile.write(page.text, to: folder + "/" + page.fileName)
      }
    } catch {
      return CommandResult(standardError: "error: cannot write \(folder): \(error)\n", exitCode: 2)
    }
    return CommandResult(standardError: "wrote \(pages.count) pages to \(folder)\n", exitCode: 0)
  }

  /// The explanation, one labelled field per line.
  static func text(for rule: Rule) -> String {
    let types =
      rule.resourceTypes.isEmpty ? "the whole template" : rule.resourceTypes.joined(separator: ", ")
    var lines = [
      "\(rule.id): \(rule.title)",
      "severity:       \(rule.severity.rawValue)",
      "family/theme:   \(rule.family.rawValue) / \(rule.theme)",
      "resource types: \(types)",
    ]
    let tables: [(String, [String: ForeignReach])] = [
      ("cfn_nag", ForeignRuleMapping.cfnNagReach), ("checkov", ForeignRuleMapping.checkovReach),
      ("cfn-guard", ForeignRuleMapping.guardReach),
    ]
    let equivalents = tables.flatMap { tool, table in
      table.filter { $0.value.rule == rule.id }.sorted { $0.key < $1.key }.map { id, reach in
        "\(tool) \(id)" + (reach.part.map { " (\($0))" } ?? "")
      }
    }
    if !equivalents.isEmpty {
      lines.append("equivalent ids: \(equivalents.joined(separator: ", "))")
    }
    lines += [
      "", "rationale:", "  \(rule.rationale)", "", "remediation:", "  \(rule.remediation)", "",
      "suppress (on the resource, with a reason of 10 characters or more):",
      "  Metadata: {formation: {suppress: [{rule: \(rule.id), reason: \"...\"}]}}",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}

/// `--format` of `formation explain`.
public enum ExplainFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text, markdown
}
