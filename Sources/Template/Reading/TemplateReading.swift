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
  /// non-blank byte is `{`).
  public static func read(contentsOf path: String) throws(TemplateError) -> ParsedTemplate {
    if let bytes = fileBytes(path) { return try parse(bytes, file: path) }
    // The direct read failed: Foundation's read says why in words.
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw TemplateError(
        .unreadableFile, "cannot read the file: \(error.localizedDescription)",
        at: SourceLocation(file: path, line: 1, column: 1))
    }
    return try parse([UInt8](data), file: path)
  }

  /// The bytes of a regular file, read straight into the array the reader takes, or `nil`
  /// when it cannot be opened or read. Going through `Data` held the file twice at once
  /// (the `Data` and its copy as `[UInt8]`), a whole file size added to the reader's peak.
  private static func fileBytes(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      // One byte more than the size, so a file that grew since `fstat` is noticed.
      while initialized < size + 1 {
        let count = readFile(descriptor, base + initialized, size + 1 - initialized)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
          complete = count == 0 && initialized == size
          return
        }
        initialized += count
      }
    }
    return complete ? bytes : nil
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

/// POSIX `read`, out of reach by its name inside `Template`, whose `read(contentsOf:)` hides it.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int)
  -> Int
{
  read(descriptor, buffer, count)
}
