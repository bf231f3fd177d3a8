import ArgumentParser
import Foundation
import Policy
import Semantics
import Template

/// `formation lint [FILE|DIR...]`: the pre-merge gate. Reads templates, runs the correctness checks of `validate` and the policy rules in one pass,
/// applies the suppressions written in resources' Metadata, and prints the findings.
public struct LintCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract:
      "Check templates for least privilege, encryption, network isolation, logging and correctness.",
    discussion: """
      With no path, lints the `paths` of the nearest .formation.yaml, else the current \
      folder. Folders are searched recursively for .yaml, .yml, .json and .template files \
      that are CloudFormation templates (a mapping with Resources or \
      AWSTemplateFormatVersion at the top), leaving out node_modules, cdk.out, .build, .git \
      and the configuration's excludes; the summary says how many files were skipped.

      Text output is one line per finding, `file:line:col: severity ID LogicalId: message`, \
      in a stable order, and a summary on standard error; suppressed findings are hidden \
      unless --show-suppressed, and always kept (marked, with their reason) in json and \
      sarif output.

      Exit status: 0 no finding at or above --severity, 1 findings at or above it, 2 a file \
      that cannot be read or a wrong command line.
      """
  )

  /// The output formats of `lint`.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, sarif
  }

  /// The lowest severity that fails the run.
  public enum Threshold: String, ExpressibleByArgument, CaseIterable, Sendable {
    case info, warning, unknown, error

    var severity: Severity {
      switch self {
      case .info: .info
      case .warning: .warning
      case .unknown: .unknown
      case .error: .error
      }
    }
  }

  @Argument(
    help: ArgumentHelp(
      "Template files or folders; none lints the current folder.", valueName: "path"))
  public var paths: [String] = []

  @Option(help: "Output format: text, json or sarif (SARIF 2.1.0 for GitHub code scanning).")
  public var format: Format = .text

  @Option(
    help:
      "Exit 1 when a finding is at or above this severity: info, warning (the default), unknown or error."
  )
  public var severity: Threshold?

  @Option(
    help:
      "Run only these rules: a comma list of rule ids, id prefixes (ENC) or themes (network-isolation)."
  )
  public var rules: String?

  @Option(
    name: .customLong("skip-rules"),
    help: "Do not run these rules (ids, id prefixes or themes, comma separated).")
  public var skipRules: String?

  @Flag(
    name: .customLong("list-rules"),
    help: "Print the rule catalogue (after --rules/--skip-rules) and exit.")
  public var listRules = false

  @Flag(
    name: .customLong("show-suppressed"), help: "Also print suppressed findings in text output.")
  public var showSuppressed = false

  @Option(
    name: .customLong("base-directory"),
    help:
      "Make SARIF file URIs relative to this directory (default: the top of the git work tree, else the current folder)."
  )
  public var baseDirectory: String?

  @Option(
    name: .customLong("pack"),
    help:
      "Also run an opt-in rule pack (genexomics: this repository's GeneXOmics invariants); repeat or comma-separate."
  )
  public var packs: [String] = []

  @Flag(
    name: .customLong("require-coverage"),
    help: "Report a resource that no policy rule checks as an error (COV001) instead of counting it.")
  public var requireCoverage = false

  @OptionGroup public var configuration: ConfigurationOptions

  @OptionGroup public var baseline: BaselineOptions

  @Option(
    help: ArgumentHelp(
      "Parameter values the templates are deployed with, in the AWS CLI's JSON ([{\"ParameterKey\": ..., \"ParameterValue\": ...}] or {\"Parameters\": {...}}); they resolve what would otherwise be unknown.",
      valueName: "file"))
  public var parameters: String?

  public init() {}

  public func run() throws {
    try execute().emit()
  }

  /// Runs the command; returns what it would print and its exit code.
  public func execute() -> CommandResult {
    execute(workingDirectory: FileManager.default.currentDirectoryPath)
  }

  /// Runs the command with `workingDirectory` as the folder the configuration is searched from.
  func execute(workingDirectory: String) -> CommandResult {
    let settings: LintSettings
    do {
      settings = try LintSettings(self, workingDirectory: workingDirectory)
    } catch {
      return CommandResult(standardError: "\(error)\n", exitCode: 2)
    }
    let selected = settings.rules
    if listRules {
      let listing =
        format == .text ? CatalogueTable(rules: selected).text : CatalogueJSON(rules: selected).text
      return CommandResult(standardOutput: listing, exitCode: 0)
    }
    let scan: TemplateScan
    do {
      scan = try settings.scan(paths, workingDirectory: workingDirectory)
    } catch {
      return CommandResult(standardError: "\(error)\n", exitCode: 2)
    }
    let inputs: [LintInput]
    do {
      inputs = try settings.inputs(scan.files, parameters: parameters)
    } catch {
      return CommandResult(standardError: "\(error)\n", exitCode: 2)
    }
    let parametersByPath = Dictionary(
      inputs.map { ($0.path, $0.parameters) }, uniquingKeysWith: { first, _ in first })
    let outcomes = Checker(rules: selected, options: settings.options).check(
      files: inputs.map(\.path),
      reading: { (path: String) throws(TemplateError) in
        try LintInput(path: path, parameters: parametersByPath[path] ?? nil).read()
      })
    var findings = outcomes.findings
    var summary = TextReporter.summary(findings, files: inputs.count)
    var baselineReport = ""
    var baselineCounts: [(String, Int)] = []
    switch baseline.apply(to: findings, summary: summary) {
    case .unchanged: break
    case .compared(let comparison):
      findings = comparison.findings
      summary = TextReporter.summary(findings, files: inputs.count)
      baselineReport = comparison.report
      baselineCounts = [
        ("new", comparison.newCount), ("baselined", comparison.baselinedCount),
        ("fixed", comparison.fixed.count),
      ]
    case .finished(let ended): return ended
    }
    let failing = findings.fail(at: settings.threshold)
    let exitCode: Int32 = outcomes.contains(where: \.isUnreadable) ? 2 : failing ? 1 : 0
    let output: String
    switch format {
    case .text:
      // Text lists suppressed findings only when asked, and the unchecked resources are counted
      // in the summary line, not listed one by one; JSON and SARIF carry every finding.
      let showSuppressed = showSuppressed
      output = TextReporter(style: .logicalID).report(findings) {
        (showSuppressed || !$0.isSuppressed) && !TextReporter.isCoverageNote($0)
      }
    case .json:
      output =
        FindingsEnvelope(
          command: "lint", findings: findings, files: inputs.count, skipped: scan.skipped.count,
          failed: exitCode != 0, extraSummary: baselineCounts
        ).json
    case .sarif:
      let base =
        baseDirectory ?? RepositoryRoot.find(from: workingDirectory) ?? workingDirectory
      output = SARIFReporter(rules: selected, baseDirectory: base).report(findings)
    }
    let skipped = configuration.skippedReport(scan)
    releaseInBackground((consume findings, consume outcomes))
    return CommandResult(
      standardOutput: output, standardError: skipped + baselineReport + summary + "\n",
      exitCode: exitCode)
  }
}

/// One template file to lint, and the parameter values it is deployed with.
struct LintInput: Sendable {
  var path: String
  var parameters: ParameterValues? = nil

  func read() throws(TemplateError) -> ParsedTemplate {
    var parsed = try TemplateSource.read(path)
    if let parameters { parsed.template = parameters.applied(to: parsed.template) }
    return parsed
  }
}

/// `--rules` and `--skip-rules`: comma lists of ids, id prefixes, themes or families.
struct RuleSelection {
  var only: [String]
  var skip: [String]

  init(only: String?, skip: String?) {
    func split(_ text: String?) -> [String] {
      (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      }
    }
    self.only = split(only)
    self.skip = split(skip)
  }

  /// The rules chosen from `catalogue`: a pack's rules run when the pack is in `packs` or
  /// `--rules` names them by id, prefix or theme (`--rules GXO` is a choice to run them).
  func rules(from catalogue: [Rule], packs: Set<RulePack> = []) throws(UsageError) -> [Rule] {
    for token in only + skip where !catalogue.contains(where: { Self.matches(token, $0) }) {
      throw UsageError(
        "'\(token)' is no rule id, id prefix, theme or family; see `formation lint --list-rules`")
    }
    return catalogue.filter { rule in
      let enabled =
        rule.pack.map { packs.contains($0) } ?? true
        || only.contains { $0.lowercased() != rule.family.rawValue && Self.matches($0, rule) }
      return enabled && (only.isEmpty || only.contains { Self.matches($0, rule) })
        && !skip.contains { Self.matches($0, rule) }
    }
  }

  static func matches(_ token: String, _ rule: Rule) -> Bool {
    let lower = token.lowercased()
    if rule.id.lowercased() == lower || rule.theme.lowercased() == lower
      || rule.family.rawValue == lower
    {
      return true
    }
    let prefix = rule.id.prefix { $0.isLetter }.lowercased()
    return prefix == lower
  }
}

/// The catalogue as an aligned table: id, severity, family/theme, title.
struct CatalogueTable {
  var rules: [Rule]

  var text: String {
    let header = ("ID", "SEVERITY", "THEME", "TITLE")
    let rows = [header] + rules.map { ($0.id, $0.severity.rawValue, $0.theme, $0.title) }
    let idWidth = rows.map(\.0.count).max() ?? 0
    let severityWidth = rows.map(\.1.count).max() ?? 0
    let themeWidth = rows.map(\.2.count).max() ?? 0
    func pad(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: width - text.count)
    }
    let lines = rows.map {
      pad($0.0, idWidth) + "  " + pad($0.1, severityWidth) + "  " + pad($0.2, themeWidth) + "  "
        + $0.3
    }
    return lines.joined(separator: "\n") + "\n\(rules.count) rules\n"
  }
}
