import ArgumentParser
import Foundation

/// `--config`, `--no-config` and `--verbose`: how a command finds its `.formation.yaml` and
/// whether it lists what a folder search skipped. Shared by `lint` and `validate`.
public struct ConfigurationOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Read this configuration file instead of the nearest .formation.yaml above the current folder.",
      valueName: "file"))
  public var config: String?

  @Flag(name: .customLong("no-config"), help: "Ignore any .formation.yaml.")
  public var noConfig = false

  @Flag(help: "List the files a folder search skipped, and why, on standard error.")
  public var verbose = false

  public init() {}

  /// The configuration these options name, searched from `workingDirectory`.
  func load(from workingDirectory: String) throws(ConfigurationError) -> ProjectConfiguration {
    noConfig
      ? ProjectConfiguration(directory: workingDirectory)
      : try ProjectConfiguration.load(explicit: config, from: workingDirectory)
  }

  /// What a folder search skipped: every path with `--verbose`, else one summary line.
  func skippedReport(_ scan: TemplateScan) -> String {
    verbose ? scan.listing : scan.summary.map { $0 + "\n" } ?? ""
  }
}
