import Foundation
import Formation
import FormationCLI
import Testing

/// `render` replaces and removes only files it wrote; a folder holding anything else is refused
/// with nothing written, and every refusal and I/O failure is exit 2 with one line per cause.
@Suite struct RenderOwnershipTests {
  static let environment = StackParameter("Environment", description: "env", default: "test")

  /// A two-stack application; `keyDescription` changes the keys stack's bytes.
  static func application(keyDescription: String = "k", withData: Bool = true) -> Application {
    let key = KMSKey("Key", description: keyDescription)
    var stacks = [Stack("keys", description: "keys") { key }]
    if withData {
      stacks.append(
        Stack("data", description: "data") {
          Table("Runs", name: "runs", partitionKey: .string("Id"), encryptionKey: key.arn)
        })
    }
    return Application(name: "t", environment: environment, stacks: stacks)
  }

  /// A fresh folder under the temporary directory, removed by the caller.
  static func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "formation-render-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func render(
    _ arguments: [String], _ application: Application = application()
  ) throws -> CommandResult {
    try RenderCommand.parse(arguments).execute(rendering: application)
  }

  /// The folder's render record as name → SHA-256.
  static func record(in folder: String) throws -> [String: String] {
    let text = try String(contentsOfFile: folder + "/.formation-manifest", encoding: .utf8)
    var digests: [String: String] = [:]
    for line in text.split(separator: "\n") {
      digests[String(line.dropFirst(66))] = String(line.prefix(64))
    }
    return digests
  }

  static func names(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  @Test func firstRenderWritesTheStacksTheIndexAndTheRecord() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let out = root + "/generated"
    let result = try Self.render(["--out", out])
    #expect(result.exitCode == 0)
    #expect(
      result.standardOutput == """
        wrote     \(out)/keys.yaml
        wrote     \(out)/data.yaml
        wrote     \(out)/README.md

        """)
    #expect(try Self.names(in: out) == [".formation-manifest", "README.md", "data.yaml", "keys.yaml"])
    let record = try String(contentsOfFile: out + "/.formation-manifest", encoding: .utf8)
    let keys = try Data(contentsOf: URL(fileURLWithPath: out + "/keys.yaml"))
    #expect(record.contains("\(OwnershipRecordProbe.sha256(Array(keys)))  keys.yaml\n"))
    #expect(record.split(separator: "\n").map { $0.split(separator: " ").last! } == [
      "README.md", "data.yaml", "keys.yaml",
    ])
    let again = try Self.render(["--out", out])
    #expect(again.standardOutput.split(separator: "\n").allSatisfy { $0.hasPrefix("unchanged ") })
    #expect(try Self.render(["--out", out, "--check"]).standardError == "4 files are current\n")
  }

  /// `render --out .` in a project folder: nothing of the project is touched.
  @Test func refusesAFolderHoldingTheUsersFiles() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "{}\n".write(toFile: root + "/package.json", atomically: true, encoding: .utf8)
    try "# mine\n".write(toFile: root + "/README.md", atomically: true, encoding: .utf8)
    let result = try Self.render(["--out", root])
    #expect(result.exitCode == 2)
    #expect(result.standardOutput == "")
    #expect(
      result.standardError == """
        error: \(root)/README.md: render did not write this; it writes only into a folder of its own (move the file, or choose another --out)
        error: \(root)/package.json: render did not write this; it writes only into a folder of its own (move the file, or choose another --out)
        nothing was written: render replaces only files it wrote itself

        """)
    #expect(try Self.names(in: root) == ["README.md", "package.json"])
    #expect(try String(contentsOfFile: root + "/README.md", encoding: .utf8) == "# mine\n")
  }

  /// A user's file dropped into generated/ later is never removed, and stops the render.
  @Test func aFileAddedToTheFolderLaterIsKept() throws {
    let out = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try Self.render(["--out", out])
    try "x: 1\n".write(toFile: out + "/my-app.yaml", atomically: true, encoding: .utf8)
    let result = try Self.render(["--out", out])
    #expect(result.exitCode == 2)
    #expect(result.standardError.hasPrefix("error: \(out)/my-app.yaml: render did not write this"))
    #expect(try String(contentsOfFile: out + "/my-app.yaml", encoding: .utf8) == "x: 1\n")
    let check = try Self.render(["--out", out, "--check"])
    #expect(check.exitCode == 1)
    #expect(check.standardError.hasPrefix("\(out)/my-app.yaml: render did not write this"))
  }

  @Test func anEditedFileIsReplacedOnlyWithForce() throws {
    let out = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try Self.render(["--out", out])
    let path = out + "/keys.yaml"
    try "# hand edit\n".write(toFile: path, atomically: true, encoding: .utf8)
    let refused = try Self.render(["--out", out])
    #expect(refused.exitCode == 2)
    #expect(
      refused.standardError == """
        error: \(path): edited since render wrote it; move the change into the blueprints, or pass --force to replace it
        nothing was written: render replaces only files it wrote itself

        """)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "# hand edit\n")
    let forced = try Self.render(["--out", out, "--force"])
    #expect(forced.exitCode == 0)
    #expect(forced.standardOutput.contains("wrote     \(path)\n"))
    #expect(try Self.render(["--out", out, "--check"]).exitCode == 0)
  }

  /// A stack that is gone from the application: its file is removed if render wrote it and it is
  /// untouched since, kept (and the render refused) if it was edited.
  @Test func aRemovedStacksFileGoesOnlyIfUntouched() throws {
    let out = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try Self.render(["--out", out])
    let shrunk = Self.application(withData: false)
    let check = try Self.render(["--out", out, "--check"], shrunk)
    #expect(check.exitCode == 1)
    #expect(check.standardError.contains("\(out)/data.yaml: not produced by any stack\n"))
    let removed = try Self.render(["--out", out], shrunk)
    #expect(removed.exitCode == 0)
    #expect(removed.standardOutput.hasSuffix("removed   \(out)/data.yaml\n"))
    #expect(try Self.names(in: out) == [".formation-manifest", "README.md", "keys.yaml"])

    _ = try Self.render(["--out", out])
    try "# mine now\n".write(toFile: out + "/data.yaml", atomically: true, encoding: .utf8)
    let kept = try Self.render(["--out", out], shrunk)
    #expect(kept.exitCode == 2)
    #expect(kept.standardError.hasPrefix("error: \(out)/data.yaml: no stack produces it any more"))
    #expect(try String(contentsOfFile: out + "/data.yaml", encoding: .utf8) == "# mine now\n")
  }

  /// `--stack` writes that stack and keeps the others' files and their ownership.
  @Test func aPartialRenderKeepsTheOtherStacks() throws {
    let out = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try Self.render(["--out", out])
    let before = try Self.record(in: out)
    let partial = try Self.render(
      ["--out", out, "--stack", "keys"], Self.application(keyDescription: "changed"))
    #expect(partial.standardOutput == "wrote     \(out)/keys.yaml\n")
    let after = try Self.record(in: out)
    #expect(after.keys.sorted() == ["README.md", "data.yaml", "keys.yaml"])
    #expect(after["README.md"] == before["README.md"])
    #expect(after["data.yaml"] == before["data.yaml"])
    let keys = try Data(contentsOf: URL(fileURLWithPath: out + "/keys.yaml"))
    #expect(after["keys.yaml"] == OwnershipRecordProbe.sha256(Array(keys)))
    #expect(after["keys.yaml"] != before["keys.yaml"])
  }

  @Test func ioFailuresAreOneLineWithExitTwo() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "x".write(toFile: root + "/file", atomically: true, encoding: .utf8)
    let notAFolder = try Self.render(["--out", root + "/file"])
    #expect(notAFolder.exitCode == 2)
    #expect(notAFolder.standardError == "error: \(root)/file is not a folder; pass a folder to --out\n")
    let under = try Self.render(["--out", root + "/file/sub"])
    #expect(under.exitCode == 2)
    #expect(under.standardError == "error: cannot create \(root)/file/sub: Not a directory\n")
    try FileManager.default.createDirectory(atPath: root + "/g", withIntermediateDirectories: true)
    try "not a manifest\n".write(
      toFile: root + "/g/.formation-manifest", atomically: true, encoding: .utf8)
    let corrupt = try Self.render(["--out", root + "/g"])
    #expect(corrupt.exitCode == 2)
    #expect(corrupt.standardError.hasPrefix("error: \(root)/g/.formation-manifest:1:1: not a line of a render manifest"))
  }
}

/// SHA-256 the way `sha256sum` prints it, computed apart from the code under test.
enum OwnershipRecordProbe {
  static func sha256(_ bytes: [UInt8]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try? process.run()
    input.fileHandleForWriting.write(Data(bytes))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return String(text.prefix(64))
  }
}
