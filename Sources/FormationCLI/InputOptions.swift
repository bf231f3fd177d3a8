import ArgumentParser
import Foundation
import Template

/// The inputs every template-checking command takes: paths and an output format.
///
/// Shared with `@OptionGroup` by `formation validate` and `formation lint`, so both accept the
/// same paths (files, or directories searched recursively) and the same `--format` values.
public struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Template files or directories; directories are searched recursively for .yaml, .yml, .json and .template files.",
      valueName: "path"))
  public var paths: [String] = []

  @Option(help: "Output format: text (one finding per line) or json.")
  public var format: OutputFormat = .text

  @OptionGroup public var configuration: ConfigurationOptions

  public init() {}

  /// The template files the paths name, in a deterministic order, with what a folder search
  /// skipped. Throws for no paths (and no `paths` in the configuration), a path that does not
  /// exist, no template found, or a configuration file that is wrong.
  func templateScan(workingDirectory: String = FileManager.default.currentDirectoryPath)
    throws(LintSetupError) -> TemplateScan
  {
    let configuration: ProjectConfiguration
    do {
      configuration = try self.configuration.load(from: workingDirectory)
    } catch {
      throw .configuration(error)
    }
    guard !paths.isEmpty || !configuration.paths.isEmpty else {
      throw .usage(UsageError("no paths given; pass template files or directories"))
    }
    do {
      return try TemplateScan.run(
        paths, configuration: configuration, workingDirectory: workingDirectory)
    } catch {
      throw .usage(error)
    }
  }
}

/// How findings are printed.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text
  case json
}

/// A command line that cannot run: no paths, a path that does not exist. Exit code 2.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { "error: \(message)" }
}

/// What a command printed and how it ended, so tests compare whole outputs without spawning a process.
public struct CommandResult: Sendable, Hashable {
  public var standardOutput: String
  public var standardError: String
  public var exitCode: Int32

  public init(standardOutput: String = "", standardError: String = "", exitCode: Int32) {
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.exitCode = exitCode
  }

  /// Writes both streams and ends the command with its exit code (`ExitCode` for ArgumentParser).
  public func emit() throws {
    writeToStandardOutput(standardOutput)
    writeToStandardError(standardError)
    if exitCode != 0 { throw ExitCode(exitCode) }
  }
}

/// Writes a command's output as it is, without copying it into `Data` first: `lint` over a
/// folder prints megabytes.
func writeToStandardOutput(_ text: String) {
  var text = text
  _ = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
}

/// Writes messages for a person to standard error. They quote paths, names and endpoint
/// answers, so control characters are escaped here, where every command's errors pass.
func writeToStandardError(_ text: String) {
  guard !text.isEmpty else { return }
  FileHandle.standardError.write(Data(text.escapingControlCharacters.utf8))
}
