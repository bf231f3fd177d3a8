import EmbeddedData
import Foundation
import Testing

/// The data files compiled into the binary are the files in the repository, byte for byte.
///
/// The build does not track `.incbin` inputs, so an edited data file and a stale binary would
/// otherwise disagree silently; this test is what notices (touch `embedded.S` to rebuild).
@Suite struct EmbeddedDataTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  /// Every `Data/NAME` data file under Sources/ (not Swift sources that live in a Data folder), by name.
  static func dataFiles() -> [String: URL] {
    var files: [String: URL] = [:]
    let modules = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
    for module in modules {
      let data = sources.appendingPathComponent(module).appendingPathComponent("Data")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? []
      for name in names where !name.hasSuffix(".swift") {
        files[name] = data.appendingPathComponent(name)
      }
    }
    return files
  }

  @Test func everyDataFileIsCompiledInAsItIsOnDisk() throws {
    let files = Self.dataFiles()
    #expect(Set(EmbeddedData.names) == Set(files.keys))
    for name in EmbeddedData.names {
      let embedded = try #require(EmbeddedData.contents(of: name))
      let onDisk = try Data(contentsOf: try #require(files[name]))
      #expect(Data(embedded) == onDisk, "\(name) differs from the binary's copy; touch Sources/CEmbeddedData/embedded.S")
    }
  }

  @Test func unknownNameHasNoContents() {
    #expect(EmbeddedData.contents(of: "missing.tsv") == nil)
    #expect(EmbeddedData.text(of: "missing.tsv") == "")
  }
}
