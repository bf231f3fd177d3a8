import ArgumentParser
import Foundation
import Template

/// `formation convert FILE [--to yaml|json] [-o OUT]`: rewrites a template in the other format,
/// in Formation's canonical form, like `cfn-flip`.
///
/// The template goes through the model, so the output is canonical whatever the input looked
/// like: sections in CloudFormation's documented order, short-form intrinsics in YAML
/// (`!GetAtt A.B`, `!Sub`), long forms in JSON, ambiguous strings quoted. Converting the output
/// back gives an equal template.
public struct ConvertCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert a template between YAML and JSON, in canonical form.",
    discussion: """
      Without --to, a JSON template becomes YAML and anything else becomes JSON. Without -o, the result goes to standard output; with -o it replaces OUT atomically (a temporary file renamed into place), so OUT is never left half written.

      A template that cannot be read is reported on standard error as `file:line:col: error ID: message`, with exit status 2.
      """
  )

  /// The format to write.
  public enum Target: String, ExpressibleByArgument, CaseIterable, Sendable {
    case yaml
    case json
  }

  @Argument(help: ArgumentHelp("The template to convert (YAML or JSON).", valueName: "file"))
  public var file: String

  @Option(help: "The format to write: yaml or json (default: the other format than the input's).")
  public var to: Target?

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to this file instead of standard output.", valueName: "out"))
  public var output: String?

  public init() {}

  public func run() throws {
    try execute().emit()
  }

  /// Converts, writes `-o` if given, and returns what the command prints and its exit code.
  public func execute() -> CommandResult {
    let bytes: [UInt8]
    do {
      bytes = try TemplateFile.bytes(at: file)
    } catch {
      return CommandResult(standardError: "\(error)\n", exitCode: 2)
    }
    let parsed: ParsedTemplate
    do {
      parsed = try Template.parse(bytes, file: file)
    } catch {
      return CommandResult(standardError: "\(error)\n", exitCode: 2)
    }
    let warnings = parsed.warnings.map { "\($0)\n" }.joined()
    let target = to ?? (Self.isJSON(bytes, file: file) ? .yaml : .json)
    let text =
      switch target {
      case .yaml: parsed.template.yaml()
      case .json: parsed.template.json()
      }
    guard let output else {
      return CommandResult(standardOutput: text, standardError: warnings, exitCode: 0)
    }
    do {
      try AtomicFile.write(text, to: output)
    } catch {
      return CommandResult(standardError: warnings + "error: \(error)\n", exitCode: 2)
    }
    return CommandResult(standardError: warnings, exitCode: 0)
  }

  /// The reader's rule: a `.json` file, or a document whose first non-blank byte is `{`.
  static func isJSON(_ bytes: [UInt8], file: String) -> Bool {
    if TemplateFormat(path: file) == .json { return true }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    return first == UInt8(ascii: "{")
  }
}
