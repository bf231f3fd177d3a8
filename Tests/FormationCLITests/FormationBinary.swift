import Foundation

/// The built `formation` executable, for tests that run it as a process.
enum FormationBinary {
  /// `formation` in the build folder the test bundle runs from, if it was built.
  static var url: URL? {
    let bundle = Bundle.main.bundleURL
    for folder in [bundle.deletingLastPathComponent(), bundle] {
      let candidate = folder.appendingPathComponent("formation")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }
}
