import Foundation

/// The top folder of the git work tree around a folder: where SARIF URIs start by default, so
/// code scanning maps every alert to the file in the repository wherever lint was run from.
enum RepositoryRoot {
  /// The nearest folder, from `directory` upwards, holding `.git` (a folder, or the file a
  /// worktree or submodule has); `nil` outside a repository.
  static func find(from directory: String) -> String? {
    var url = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) {
        return url.path
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }
}
