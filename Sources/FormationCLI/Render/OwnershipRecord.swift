import Crypto

/// The files `render` wrote into an output folder, each with the SHA-256 of the bytes it wrote.
///
/// Kept in the folder as `.formation-manifest`, in the format of `sha256sum` (so
/// `sha256sum -c .formation-manifest` verifies the folder by hand). It is what lets `render`
/// tell its own files from the user's: only a file named here, still holding the bytes render
/// wrote, is ever replaced or removed; a file render did not write is never touched.
struct OwnershipRecord: Equatable {
  /// The record's own file name, inside the output folder.
  static let fileName = ".formation-manifest"

  /// SHA-256 in lowercase hex, by file name (names are relative to the folder, without slashes).
  private(set) var digests: [String: String] = [:]

  init() {}

  /// Reads a record's text; a line that is not `HEX  NAME` is a `RenderOutputError`.
  init(text: String, path: String) throws(RenderOutputError) {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit),
        parts[1].hasPrefix(" "), !parts[1].dropFirst().isEmpty,
        !parts[1].dropFirst().contains("/")
      else {
        throw RenderOutputError(
          "\(path):\(index + 1):1: not a line of a render manifest (`SHA256  NAME`); "
            + "restore the file from version control or delete it and the files it listed")
      }
      digests[String(parts[1].dropFirst())] = String(parts[0]).lowercased()
    }
  }

  /// The names render owns, sorted.
  var names: [String] { digests.keys.sorted() }

  func owns(_ name: String) -> Bool { digests[name] != nil }

  /// Whether `bytes` are exactly what render wrote as `name`.
  func matches(_ name: String, _ bytes: [UInt8]) -> Bool {
    digests[name] == Self.digest(of: bytes)
  }

  mutating func record(_ name: String, bytes: [UInt8]) {
    digests[name] = Self.digest(of: bytes)
  }

  mutating func forget(_ name: String) {
    digests[name] = nil
  }

  /// `sha256sum`'s output for the recorded files, sorted by name.
  var text: String {
    names.map { "\(digests[$0]!)  \($0)\n" }.joined()
  }

  static func digest(of bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
