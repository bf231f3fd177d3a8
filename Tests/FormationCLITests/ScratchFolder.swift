import Foundation

/// A folder in the system's temporary directory with the files a test writes into it: a
/// project for the commands to find their configuration and templates in.
enum ScratchFolder {
  /// A new folder with `files` (relative path → text) written into it; its path.
  static func make(_ files: [String: String]) throws -> String {
    let root = NSTemporaryDirectory() + "formation-config-\(UUID().uuidString)"
    for (path, text) in files {
      let url = URL(fileURLWithPath: root + "/" + path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }
}
