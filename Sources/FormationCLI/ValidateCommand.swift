import ArgumentParser
import Policy
import Template

/// `formation validate FILE|DIR...`: reads templates and reports structure and reference errors.
///
/// Runs the correctness family of the catalogue (TPL ids) over every template, after the
/// reader's own checks (E ids for files that cannot be read, W0001 for a file over 1 MB).
public struct ValidateCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check templates for structure and reference errors.",
    discussion: """
      Prints one finding per line, `file:line:col: error|warning CODE: message`, in a \
      stable order, and a summary on standard error. Folders are searched as by `lint`: \
      CloudFormation templates only, without node_modules, cdk.out, .build, .git and the \
      excludes of .formation.yaml; `-` reads a template from standard input.

      Exit status: 0 when no errors were found (warnings do not fail), 1 when a template \
      has errors, 2 when a file cannot be read or the command line is wrong.
      """
  )

  @OptionGroup public var input: InputOptions

  public init() {}

  public func run() throws {
    try execute().emit()
  }

  /// Runs the command and returns what it would print and its exit code.
  public func execute() -> CommandResult {
    let scan: TemplateScan
    do {
      scan = try input.templateScan()
    } catch {
      return CommandResult(standardError: "\(error)\n", exitCode: 2)
    }
    let files = scan.files
    let outcomes = Checker(rules: Catalogue.correctness).check(
      files: files, reading: { (path: String) throws(TemplateError) in try TemplateSource.read(path) })
    let findings = outcomes.findings
    let unreadable = outcomes.count(where: \.isUnreadable)
    let exitCode: Int32 =
      if unreadable > 0 { 2 } else if findings.fail(at: .error) { 1 } else { 0 }
    let output =
      switch input.format {
      // Text leaves suppressed findings out; JSON carries them, marked.
      case .text: TextReporter(style: .compact).report(findings) { !$0.isSuppressed }
      case .json:
        FindingsEnvelope(
          command: "validate", findings: findings, files: files.count,
          skipped: scan.skipped.count, failed: exitCode != 0
        ).json
      }
    let skipped = input.configuration.skippedReport(scan)
    let counted = input.format == .text ? findings.filter { !$0.isSuppressed } : findings
    let summary = skipped + TextReporter.summary(counted, files: files.count)
    releaseInBackground((consume findings, consume counted, consume outcomes))
    return CommandResult(standardOutput: output, standardError: summary + "\n", exitCode: exitCode)
  }
}
