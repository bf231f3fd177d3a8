import Foundation
import Template
import Testing

@testable import FormationCLI

/// What the commands do with paths that are not plain files and with text meant to fool a
/// terminal: refuse or read safely, never hang, never replace a device, never print raw escapes.
@Suite struct HostileInputTests {
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hostile-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static let template = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"

  static func validate(_ arguments: [String]) throws -> CommandResult {
    let command = try FormationCommand.parseAsRoot(["validate"] + arguments)
    return try #require(command as? ValidateCommand).execute()
  }

  // MARK: - Reading

  /// A FIFO named like a template is refused at once (it used to block `open` forever).
  @Test func fifoIsRefusedWithoutWaiting() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/pipe.yaml"
    #expect(mkfifo(fifo, 0o644) == 0)
    let result = try Self.validate([fifo])
    #expect(result.exitCode == 2)
    #expect(
      result.standardOutput
        == "\(fifo):1:1: error E0001: cannot read a FIFO (named pipe): only regular files (and standard input) are templates\n"
    )
    // A folder scan meets it too, and reports it rather than hanging.
    try Self.template.write(toFile: folder + "/good.yaml", atomically: true, encoding: .utf8)
    let scan = try Self.validate([folder])
    #expect(scan.exitCode == 2)
    #expect(scan.standardError == "1 error, 0 warnings in 2 files\n")
  }

  /// A sparse file of 1 GB is refused from its size, before a byte is read.
  @Test func hugeFileIsRefusedBeforeReading() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/huge.yaml"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    #expect(truncate(path, 1 << 30) == 0)
    let result = try Self.validate([path])
    #expect(result.exitCode == 2)
    #expect(
      result.standardOutput
        == "\(path):1:1: error E0016: the file is 1073741824 bytes; the reader accepts at most 67108864 (CloudFormation itself stops at 1 MB)\n"
    )
  }

  /// A character device is not a template.
  @Test func deviceIsRefused() throws {
    let result = try Self.validate(["/dev/zero"])
    #expect(result.exitCode == 2)
    #expect(
      result.standardOutput
        == "/dev/zero:1:1: error E0001: cannot read a character device: only regular files (and standard input) are templates\n"
    )
  }

  /// Standard input and inherited descriptors may be pipes: `/dev/fd/N` of a pipe is read.
  @Test func pipeThroughADescriptorIsRead() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let bytes = Array(Self.template.utf8)
    #expect(write(ends[1], bytes, bytes.count) == bytes.count)
    close(ends[1])
    defer { close(ends[0]) }
    let parsed = try Template.read(contentsOf: "/dev/fd/\(ends[0])")
    #expect(parsed.template.resources.keys == ["Topic"])
  }

  /// A folder that cannot be listed stops the scan with its reason (as root every folder can
  /// be listed, so the listing is made to fail).
  @Test func unlistableFolderIsReported() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/locked", withIntermediateDirectories: true)
    try Self.template.write(toFile: folder + "/good.yaml", atomically: true, encoding: .utf8)
    struct Denied: LocalizedError {
      var errorDescription: String? { "permission denied" }
    }
    #expect(throws: UsageError("cannot list the folder \(folder)/locked: permission denied")) {
      try TemplateDiscovery.files(in: [folder], pruning: { _ in false }) { path in
        if path.hasSuffix("/locked") { throw Denied() }
        return try FileManager.default.contentsOfDirectory(atPath: path)
      }
    }
  }

  // MARK: - Writing

  /// `-o` onto a symbolic link replaces the file it points to; the link stays a link.
  @Test func outputThroughASymbolicLinkWritesItsTarget() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/real", withIntermediateDirectories: true)
    try "old\n".write(toFile: folder + "/real/out.yaml", atomically: true, encoding: .utf8)
    #expect(symlink("real/out.yaml", folder + "/link.yaml") == 0)
    try AtomicFile.write("new\n", to: folder + "/link.yaml")
    #expect(try String(contentsOfFile: folder + "/real/out.yaml", encoding: .utf8) == "new\n")
    let linkType = try FileManager.default.attributesOfItem(atPath: folder + "/link.yaml")[.type]
    #expect(linkType as? FileAttributeType == .typeSymbolicLink)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["out.yaml"])
    // A link to a file that does not exist yet creates it.
    #expect(symlink("real/new.yaml", folder + "/dangling.yaml") == 0)
    try AtomicFile.write("made\n", to: folder + "/dangling.yaml")
    #expect(try String(contentsOfFile: folder + "/real/new.yaml", encoding: .utf8) == "made\n")
  }

  /// FIFOs and devices, directly or through a link, are refused and left as they are.
  @Test func outputOntoAFIFOOrThroughALinkToOneIsRefused() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/pipe.yaml"
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(symlink(fifo, folder + "/link.yaml") == 0)
    for path in [fifo, folder + "/link.yaml"] {
      #expect(
        throws: AtomicFileError(
          path: path, reason: "it is a FIFO (named pipe); -o writes regular files only")
      ) { try AtomicFile.write("x\n", to: path) }
    }
    var info = stat()
    #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(
      throws: AtomicFileError(
        path: "/dev/full", reason: "it is a character device; -o writes regular files only")
    ) { try AtomicFile.regularDestination(of: "/dev/full") }
  }

  /// A name of 250 characters leaves no room for a temporary suffix: the temporary name is cut.
  @Test func longOutputNameIsWritten() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let name = String(repeating: "n", count: 250) + ".yaml"
    try AtomicFile.write("a: 1\n", to: folder + "/" + name)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [name])
  }

  /// SIGTERM during a write removes the temporary file: the signal handler is what runs.
  @Test(.enabled(if: FormationBinary.url != nil, "the formation executable is built"))
  func terminationRemovesTheTemporaryFile() throws {
    let binary = try #require(FormationBinary.url)
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A template large enough that writing it takes a while.
    var text = "Resources:\n"
    for index in 0..<200_000 { text += "  Topic\(index):\n    Type: AWS::SNS::Topic\n" }
    try text.write(toFile: folder + "/in.yaml", atomically: true, encoding: .utf8)
    // Spawned with the default signal mask and actions: the test runner's own (inherited by
    // `Process`) may block SIGTERM.
    let pid = try Self.spawn(
      binary.path, ["convert", folder + "/in.yaml", "--to", "json", "-o", folder + "/out.json"])
    let start = Date()
    var sawTemporary = false
    while Date().timeIntervalSince(start) < 60 {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      if names.contains(where: { $0.hasPrefix(".out.json.tmp-") }) {
        sawTemporary = true
        kill(pid, SIGTERM)
        break
      }
      if names.contains("out.json") { break }
      usleep(200)
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(sawTemporary)
    // Ended by the signal itself (its default action, re-raised after the clean-up).
    #expect(status & 0x7F == SIGTERM)
    #expect(names == ["in.yaml"])
  }

  /// `posix_spawn` with an empty signal mask and SIGINT/SIGTERM at their default action.
  static func spawn(_ path: String, _ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGTERM)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, path, nil, &attributes, argv, environ)
    guard status == 0 else { throw CocoaError(.executableLoad) }
    return pid
  }

  // MARK: - Text that cannot inject

  /// Control characters in a logical id, a value and a file name are printed as escapes.
  @Test func controlCharactersAreEscapedInFindings() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/bad\u{7}.json"
    try #"{"Resources":{"B\u001b[8mX":{"Type":"AWS::SNS::Topic","DependsOn":"Gone\r"}}}"#.write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.validate([path])
    #expect(result.exitCode == 1)
    let shownPath = folder + "/bad\\x07.json"
    #expect(
      result.standardOutput == """
        \(shownPath):1:15: error TPL021: resource logical id 'B\\x1b[8mX' contains '\\x1b'; only letters and digits are allowed
        \(shownPath):1:67: error TPL010: resource 'B\\x1b[8mX' depends on 'Gone ', which is not a resource

        """)
    #expect(!result.standardOutput.contains("\u{1B}"))
  }

  @Test func escapingCoversC0C1AndBidirectionalControls() {
    #expect("plain text\tand\nlines".escapingControlCharacters == "plain text\tand\nlines")
    #expect("a\u{1B}[2Jb\u{7}\u{0}".escapingControlCharacters == "a\\x1b[2Jb\\x07\\x00")
    #expect("cr\r".escapingControlCharacters == "cr\\r")
    #expect("c1\u{9B}31m".escapingControlCharacters == "c1\\x9b31m")
    #expect("\u{202E}txt.yaml".escapingControlCharacters == "\\u{202e}txt.yaml")
    #expect("é and 日本".escapingControlCharacters == "é and 日本")
  }
}
