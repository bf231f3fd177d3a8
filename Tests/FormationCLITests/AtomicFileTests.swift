import Foundation
import Testing

@testable import FormationCLI

/// `AtomicFile`: the destination holds the old bytes or the new ones, never a mix or a leftover.
@Suite struct AtomicFileTests {
  static func directory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "atomic-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func mode(_ path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
  }

  @Test func createsANewFile() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/new.yaml"
    try AtomicFile.write("a: 1\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a: 1\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["new.yaml"])
    // 0666 less the umask: at least readable and writable by the owner, never executable.
    #expect(try Self.mode(path) & 0o600 == 0o600)
    #expect(try Self.mode(path) & 0o111 == 0)
  }

  @Test func replacesAFileAndKeepsItsMode() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/old.yaml"
    try "old content that is longer than the new one\n".write(
      toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    try AtomicFile.write([UInt8]("new\n".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    #expect(try Self.mode(path) == 0o640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["old.yaml"])
  }

  @Test func writesEmptyAndLargeFiles() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try AtomicFile.write([UInt8](), to: folder + "/empty")
    #expect(FileManager.default.contents(atPath: folder + "/empty") == Data())
    let large = [UInt8](repeating: UInt8(ascii: "x"), count: 5_000_000)
    try AtomicFile.write(large, to: folder + "/large")
    #expect(FileManager.default.contents(atPath: folder + "/large")?.count == large.count)
  }

  /// A rename onto a directory fails: the error names the path, the directory is untouched and
  /// no temporary file is left behind.
  @Test func failureLeavesTheDestinationAndNoTemporaryFile() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/taken"
    try FileManager.default.createDirectory(
      atPath: target + "/inside", withIntermediateDirectories: true)
    #expect(throws: AtomicFileError.self) { try AtomicFile.write("x\n", to: target) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["taken"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["inside"])
  }

  @Test func missingDirectoryIsAnError() throws {
    let folder = try Self.directory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/no/such/dir/file.yaml"
    #expect(throws: AtomicFileError(path: path, reason: "No such file or directory")) {
      try AtomicFile.write("x\n", to: path)
    }
  }
}
