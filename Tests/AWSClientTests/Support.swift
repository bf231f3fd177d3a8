import Foundation

/// The fixture folder shipped with the test target.
let fixtures: URL = {
  guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures")
  }
  return url
}()
