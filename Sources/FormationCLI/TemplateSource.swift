import Foundation
import Template

/// Where a command reads a template from: a file, or standard input when the path is `-`
/// (`cat stack.yaml | formation lint -`, an editor piping its buffer). Findings for standard
/// input name the file `<stdin>`, which cannot be mistaken for a file of the folder.
enum TemplateSource {
  /// The path that means standard input.
  static let standardInput = "-"
  /// The name findings give a template read from standard input.
  static let standardInputName = "<stdin>"

  /// Reads the template `path` names; standard input is read once, to its end.
  static func read(_ path: String) throws(TemplateError) -> ParsedTemplate {
    guard path == standardInput else { return try Template.read(contentsOf: path) }
    let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    return try Template.parse(bytes, file: standardInputName)
  }
}
