import Foundation
import Policy

/// What one `formation lint` run does, from its command line and the project's configuration:
/// the rules, the failing severity and the templates.
///
/// The command line wins: `--rules` replaces the file's `rules`, `--skip-rules` adds to its
/// `skip-rules`, `--severity` replaces its `severity`, paths given replace its `paths`.
struct LintSettings {
  var configuration: ProjectConfiguration
  var rules: [Rule]
  var threshold: Severity
  /// The packs the file and `--pack` enable, and `--require-coverage`.
  var options: LintOptions

  init(_ command: LintCommand, workingDirectory: String) throws(LintSetupError) {
    do {
      configuration = try command.configuration.load(from: workingDirectory)
    } catch {
      throw .configuration(error)
    }
    var selection = RuleSelection(only: command.rules, skip: command.skipRules)
    if command.rules == nil { selection.only = configuration.rules ?? [] }
    selection.skip += configuration.skipRules
    options = LintOptions(
      packs: Set(configuration.packs), requireCoverage: command.requireCoverage)
    for name in command.packs.flatMap({ $0.split(separator: ",") }) {
      guard let pack = RulePack.named(String(name)) else {
        throw .usage(
          UsageError(
            "'\(name)' is no rule pack; the packs are \(RulePack.all.map(\.rawValue).joined(separator: ", "))"
          ))
      }
      options.packs.insert(pack)
    }
    do {
      rules = try selection.rules(from: Catalogue.all, packs: options.packs)
    } catch {
      throw .usage(error)
    }
    threshold = command.severity?.severity ?? configuration.severity ?? .warning
  }

  /// The inputs for the templates `scan` found, each with the parameter values it is
  /// deployed with (`ProjectConfiguration.inputs`).
  func inputs(_ files: [String], parameters explicit: String?) throws(LintSetupError)
    -> [LintInput]
  {
    do {
      return try configuration.inputs(files, parameters: explicit)
    } catch {
      throw .configuration(error)
    }
  }

  /// The templates to lint, with what the search skipped.
  func scan(_ paths: [String], workingDirectory: String) throws(UsageError) -> TemplateScan {
    try TemplateScan.run(paths, configuration: configuration, workingDirectory: workingDirectory)
  }
}

/// Why a run could not start: a wrong command line or a wrong configuration file (exit 2).
enum LintSetupError: Error, CustomStringConvertible {
  case usage(UsageError)
  case configuration(ConfigurationError)

  var description: String {
    switch self {
    case .usage(let error): error.description
    case .configuration(let error): error.description
    }
  }
}
