import Foundation

/// The two formats CloudFormation accepts.
public enum TemplateFormat: String, Sendable, CaseIterable {
  case yaml
  case json

  /// The format a file name implies: `.json` is JSON, everything else YAML (a superset).
  public init(path: String) {
    self = path.lowercased().hasSuffix(".json") ? .json : .yaml
  }
}

/// A template read from a file, with what the reader wants to say about it.
public struct ParsedTemplate: Sendable {
  public var template: Template
  public var warnings: [TemplateWarning]
}

extension Template {
  /// CloudFormation's limit on a template body uploaded from S3, in bytes. A larger file is
  /// read with a warning: it may be a template that is meant to be split or trimmed.
  public static let sizeLimit = 1_000_000

  /// Reads a template file, YAML or JSON (chosen by extension, JSON also when the first
  /// non-blank byte is `{`). See `TemplateFile` for which files are read and how.
  public static func read(contentsOf path: String) throws(TemplateError) -> ParsedTemplate {
    try parse(TemplateFile.bytes(at: path), file: path)
  }

  /// Reads a template from bytes; `file` names it in locations.
  public static func parse(_ bytes: [UInt8], file: String, format: TemplateFormat? = nil)
    throws(TemplateError)
    -> ParsedTemplate
  {
    let value = try Value.parse(
      bytes, file: file, format: format ?? detectFormat(bytes, file: file))
    var warnings: [TemplateWarning] = []
    if bytes.count > sizeLimit {
      warnings.append(
        TemplateWarning(
          id: "W0001",
          message:
            "the file is \(bytes.count) bytes, over CloudFormation's \(sizeLimit)-byte template limit; split it into nested stacks",
          at: SourceLocation(file: file, line: 1, column: 1)))
    }
    var template = try Template(decoding: value)
    template.file = file
    return ParsedTemplate(template: template, warnings: warnings)
  }

  /// Reads a template from text; for tests and for templates built in memory.
  public static func parse(_ text: String, file: String = "<memory>", format: TemplateFormat? = nil)
    throws(TemplateError) -> Template
  {
    try parse(Array(text.utf8), file: file, format: format).template
  }

  static func detectFormat(_ bytes: [UInt8], file: String) -> TemplateFormat {
    if TemplateFormat(path: file) == .json { return .json }
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    for byte in bytes[start...] {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      case UInt8(ascii: "{"): return .json
      default: return .yaml
      }
    }
    return .yaml
  }
}
