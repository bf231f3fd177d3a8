import Foundation

/// File paths handled as text: what `URL(fileURLWithPath:).standardizedFileURL.path` gives,
/// without asking the file system whether each one is a folder (a stat per file, on the one
/// core that scans a folder before any template is read).
enum PathText {
  /// `path` made absolute against the process's folder, with `.` and `..` resolved and one
  /// slash between names, none at the end.
  static func standardized(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var names: [Substring] = []
    for name in full.split(separator: "/") {
      switch name {
      case ".": continue
      case "..": if !names.isEmpty { names.removeLast() }
      default: names.append(name)
      }
    }
    return "/" + names.joined(separator: "/")
  }

  /// The last name of `path` (`t1.yaml` of `templates/t1.yaml`).
  static func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? "/"
  }
}
