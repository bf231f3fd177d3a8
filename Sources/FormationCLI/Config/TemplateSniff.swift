import Foundation

/// Whether a file a folder search found is a CloudFormation template, decided before parsing.
///
/// A template is a mapping with `Resources` or `AWSTemplateFormatVersion` among its top-level
/// keys. Looking only at top-level keys — lines that start in column 0 for YAML, keys at depth
/// one for JSON — tells `package.json`, `docker-compose.yml`, a multi-document Kubernetes file
/// or `cdk.out/manifest.json` from a template without building a tree, so a repository scan
/// costs a read per file and never reports someone else's YAML as a broken template.
enum TemplateSniff {
  static let markers: Set<String> = ["Resources", "AWSTemplateFormatVersion"]

  /// Whether `bytes` look like a template (JSON when the first non-blank byte is `{`).
  static func isTemplate(_ bytes: [UInt8]) -> Bool {
    let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    return first == UInt8(ascii: "{") ? jsonHasMarker(bytes) : yamlHasMarker(bytes)
  }

  /// Whether the file at `path` looks like a template; a file that cannot be read is given to
  /// the reader, which reports why.
  static func isTemplate(atPath path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path) else { return true }
    return isTemplate([UInt8](data))
  }

  /// A top-level key of a block mapping: a line starting in column 0 with a plain or quoted key.
  private static func yamlHasMarker(_ bytes: [UInt8]) -> Bool {
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      if let key = topLevelKey(bytes[lineStart..<lineEnd]), markers.contains(key) { return true }
      lineStart = lineEnd + 1
    }
    return false
  }

  private static func topLevelKey(_ line: ArraySlice<UInt8>) -> String? {
    guard let first = line.first else { return nil }
    switch first {
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      let body = line.dropFirst()
      guard let close = body.firstIndex(of: first) else { return nil }
      let rest = line[line.index(after: close)...].drop { $0 == 0x20 || $0 == 0x09 }
      return rest.first == UInt8(ascii: ":") ? String(decoding: body[..<close], as: UTF8.self) : nil
    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
      let key = line[..<colon]
      let trimmed = key.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
      return String(decoding: trimmed, as: UTF8.self)
    default:
      return nil
    }
  }

  /// A key at depth one of a JSON object, found by skipping strings and counting brackets.
  private static func jsonHasMarker(_ bytes: [UInt8]) -> Bool {
    var depth = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: "\""):
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
          end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < bytes.count else { return false }
        if depth == 1 {
          var next = end + 1
          while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
          if next < bytes.count, bytes[next] == UInt8(ascii: ":"),
            markers.contains(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
          {
            return true
          }
        }
        index = end
      default: break
      }
      index += 1
    }
    return false
  }
}
