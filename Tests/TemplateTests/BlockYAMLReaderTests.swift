import Foundation
import Testing

@testable import Template

/// The block reader against libyaml: where it reads a file, the value must be libyaml's, to
/// every line and column; where it cannot, it must say so and leave the file to libyaml.
@Suite struct BlockYAMLReaderTests {
  /// The value and every location in it (keys' included), one node per line.
  static func outline(_ value: Value) -> String {
    var lines: [String] = []
    func walk(_ value: Value, _ indent: String) {
      let at = value.location.map { "\($0.line):\($0.column)" } ?? "-"
      switch value.kind {
      case .map(let map):
        lines.append("\(indent)map @\(at)")
        for entry in map.entries {
          let keyAt = entry.keyLocation.map { "\($0.line):\($0.column)" } ?? "-"
          lines.append("\(indent) key \(entry.key.debugDescription) @\(keyAt)")
          walk(entry.value, indent + "  ")
        }
      case .list(let list):
        lines.append("\(indent)list @\(at)")
        for item in list { walk(item, indent + " ") }
      case .intrinsic(let function):
        lines.append("\(indent)\(function.name) @\(at)")
        for argument in function.arguments { walk(argument, indent + " ") }
      default:
        lines.append("\(indent)\(String(reflecting: value.kind)) @\(at)")
      }
    }
    walk(value, "")
    return lines.joined(separator: "\n")
  }

  /// What each reader makes of `bytes`: the block reader's value (nil when it gives up) and
  /// libyaml's value or error.
  static func bothReaders(_ bytes: [UInt8], file: String = "t.yaml") -> (
    block: Value?, libyaml: Result<Value, TemplateError>
  ) {
    bytes.withUnsafeBufferPointer { whole in
      // As `Value.parse` hands a file to the YAML reader: without a byte order mark, and only
      // once it is valid UTF-8.
      let input = SourceText.withoutByteOrderMark(whole)
      do throws(TemplateError) {
        try SourceText.validateUTF8(input, file: file)
      } catch {
        return (nil, .failure(error))
      }
      let reader = YAMLReader(file: file, limits: .standard)
      let block = BlockYAMLReader.read(
        input, fileID: SourceFiles.shared.id(of: file), maxDepth: ReadingLimits.standard.maxDepth)
      let libyaml = Result { () throws(TemplateError) in try reader.readEvents(input) }
      return (block, libyaml)
    }
  }

  /// Nil when the readers agree; otherwise what differs.
  static func disagreement(_ bytes: [UInt8], file: String = "t.yaml") -> String? {
    let (block, libyaml) = bothReaders(bytes, file: file)
    guard let block else { return nil }
    switch libyaml {
    case .failure(let error):
      return "the block reader read what libyaml rejects: \(error)"
    case .success(let value):
      let (mine, theirs) = (outline(block), outline(value))
      guard mine != theirs else { return nil }
      let first = zip(mine.split(separator: "\n"), theirs.split(separator: "\n")).first { $0 != $1 }
      return "block reader \(first.map { "\($0.0) / libyaml \($0.1)" } ?? "differs in length")"
    }
  }

  @Test(arguments: [
    "A: 1\nB: two\nC: 'three'\nD: \"four\"\n",
    "---\nA: x # comment\n\n# more\nB:\n  C: [a, 'b', !Ref c, [d], {e: f}]\n",
    "A:\n- x\n- y\nB: z\n",
    "A:\n  - K: v\n    L: w\n  -\n  - !Sub '${X}'\n",
    "A: !If\n  - C\n  - x\n  - !Ref AWS::NoValue\n",
    "A: |\n  line one\n\n  line three\nB: |-\n    x\n     y\nC: |+\n  k\n\n\nD: 1\n",
    "A: !Sub |\n  #!/bin/bash\n  echo ${X}\n",
    "A: \"esc \\\" \\\\ \\n \\t \\/ x\"\nB: 'it''s'\n",
    "Key : value\n\"Quoted\": v\nE:\nF: ~\nG: -1\nH: -x\n",
    "A: caf\u{E9} \u{1F600} x\nB: [\u{E9}t\u{E9}, x]\n",
    "A: 1\r\nB:\r\n  - x\r\n  - |\r\n    y\r\n",
    "A: {\"k\": \"v\", 'l': 1, m: [1, 2]}\nB: [arn:aws:s3:::b, !GetAtt R.Arn]\n",
    "A: !GetAZs ''\nB: !Select [0, !GetAZs '']\n",
  ])
  func readsTheCommonFormsAsLibYAMLDoes(_ text: String) throws {
    let bytes = Array(text.utf8)
    let (block, libyaml) = Self.bothReaders(bytes)
    let read = try #require(block, "the block reader gave up on \(text.debugDescription)")
    #expect(Self.outline(read) == Self.outline(try libyaml.get()))
  }

  @Test(arguments: [
    // Anchors and aliases, folded and multi-line scalars, flow over lines, tabs, directives,
    // documents, escapes past the simple ones, non-function tags, complex keys.
    "A: &a x\nB: *a\n", "A: >\n  folded\n", "A: plain\n  continued\n", "A: [a,\n  b]\n",
    "A:\tx\n", "%YAML 1.1\n---\nA: x\n", "A: x\n---\nB: y\n", "A: \"\\u00e9\"\n",
    "A: !!str x\n", "? A\n: x\n", "- a\n", "A: x\n...\n", "A: 'multi\n  line'\n",
    "A: |2\n   x\n", "A: |\n\n  x\n", "A: [a, ]\n", "A: {a: }\n", "A: x\rB: y\n",
    "A: \u{85}\n", "A: a: b\n", "A: !Rain::Embed x\n", "A: !Ref\nB: x\n",
    "A: x\n--- B: y\n", "A: x\n... B: y\n",
  ])
  func leavesTheRestToLibYAML(_ text: String) {
    #expect(Self.bothReaders(Array(text.utf8)).block == nil)
  }

  @Test(arguments: [
    "A: 1\nA: 2\n", "A: !Ref [a, b]\n", "A:\n  Fn::If: [x]\n", "A: x\n B: y\n",
  ])
  func anErrorIsLibYAMLsToReport(_ text: String) {
    let (block, libyaml) = Self.bothReaders(Array(text.utf8))
    #expect(block == nil)
    #expect(throws: TemplateError.self) { try libyaml.get() }
  }

  /// Every YAML file of the package: fixtures, the blueprints' output, the examples.
  static let packageFiles: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var files: [String] = []
    for folder in ["Tests", "generated", "examples", "docs"] {
      let enumerator = FileManager.default.enumerator(
        at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        if url.path.contains("/.build/") { continue }
        if ["yaml", "yml", "template"].contains(url.pathExtension) { files.append(url.path) }
      }
    }
    return files.sorted()
  }()

  @Test func agreesWithLibYAMLOnEveryFileOfThePackage() throws {
    var read = 0
    for path in Self.packageFiles {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      if let problem = Self.disagreement(bytes, file: path) {
        Issue.record("\(path): \(problem)")
      }
      if Self.bothReaders(bytes, file: path).block != nil { read += 1 }
    }
    // Most templates are written in the forms the block reader takes.
    #expect(Self.packageFiles.count > 300)
    #expect(read * 2 > Self.packageFiles.count)
  }

  /// `bytes` with one change drawn from `generator`: a byte replaced, inserted or deleted
  /// (from YAML's indicators), or a line indented one space more or less, repeated or removed.
  static func mutated(_ bytes: [UInt8], _ generator: inout RoundTripValueGenerator) -> [UInt8] {
    let alphabet = Array(" \n-:#'\"[]{},!|>&*?%@`\\\tx0".utf8)
    var bytes = bytes
    let at = generator.below(bytes.count)
    let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let lineEnd = bytes[at...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
    switch generator.below(7) {
    case 0: bytes[at] = generator.pick(alphabet)
    case 1: bytes.insert(generator.pick(alphabet), at: at)
    case 2: bytes.remove(at: at)
    case 3: bytes.insert(0x20, at: lineStart)
    case 4: if bytes[lineStart] == 0x20 { bytes.remove(at: lineStart) }
    case 5: bytes.insert(contentsOf: bytes[lineStart..<lineEnd], at: lineStart)
    default: bytes.removeSubrange(lineStart..<lineEnd)
    }
    return bytes
  }

  /// Copies of the package's files with one change each, from a fixed seed: the block reader
  /// must read each as libyaml does or give up.
  @Test func agreesWithLibYAMLOnMutatedFiles() throws {
    var generator = RoundTripValueGenerator(seed: 0x5EED)
    var (compared, read) = (0, 0)
    for path in Self.packageFiles.filter({ !$0.contains("/bad/") }).prefix(200) {
      let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      guard !original.isEmpty else { continue }
      for _ in 0..<25 {
        let bytes = Self.mutated(original, &generator)
        if let problem = Self.disagreement(bytes, file: path) {
          Issue.record("\(path), changed: \(problem)")
        }
        compared += 1
        if Self.bothReaders(bytes, file: path).block != nil { read += 1 }
      }
    }
    #expect(compared > 1_000)
    // Most changes still leave a file the block reader reads (in a comment, a scalar).
    #expect(read * 4 > compared)
  }

  /// What the writer makes of random values (every scalar style, nasty strings, every
  /// function): both readers must agree on it.
  @Test(arguments: RoundTripRandomTests.seeds) func agreesWithLibYAMLOnWrittenValues(
    seed: UInt64
  ) {
    let yaml = RoundTripRandomTests.document(seed: seed, yamlOnlyNumbers: true).yaml()
    #expect(Self.disagreement(Array(yaml.utf8)) == nil)
  }

  /// Extra folders to compare on, from `FORMATION_READER_CORPUS` (colon-separated): the
  /// peers' test templates, kept out of the repository; each file also in
  /// `FORMATION_READER_MUTATIONS` changed copies, from `FORMATION_READER_SEED`. Each is also
  /// read in parts, cut before each of its resources (`ResourcesSplitTests`).
  @Test func agreesWithLibYAMLOnTheCorpusNamedInTheEnvironment() throws {
    let folders =
      ProcessInfo.processInfo.environment["FORMATION_READER_CORPUS"]?
      .split(separator: ":").map(String.init) ?? []
    let mutations =
      Int(ProcessInfo.processInfo.environment["FORMATION_READER_MUTATIONS"] ?? "") ?? 0
    let seed =
      UInt64(ProcessInfo.processInfo.environment["FORMATION_READER_SEED"] ?? "") ?? 0xC0FFEE
    var generator = RoundTripValueGenerator(seed: seed)
    var (files, read) = (0, 0)
    for folder in folders {
      let enumerator = FileManager.default.enumerator(
        at: URL(fileURLWithPath: folder), includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        guard ["yaml", "yml", "template"].contains(url.pathExtension),
          let data = try? Data(contentsOf: url)
        else { continue }
        let bytes = [UInt8](data)
        files += 1
        if let problem = Self.disagreement(bytes, file: url.path) {
          Issue.record("\(url.path): \(problem)")
        }
        for problem in ResourcesSplitTests.disagreements(bytes, file: url.path) {
          Issue.record("\(url.path): \(problem)")
        }
        if Self.bothReaders(bytes, file: url.path).block != nil { read += 1 }
        for _ in 0..<mutations where !bytes.isEmpty {
          let changed = Self.mutated(bytes, &generator)
          if let problem = Self.disagreement(changed, file: url.path) {
            Issue.record("\(url.path), changed: \(problem)")
          }
          for problem in ResourcesSplitTests.disagreements(changed, file: url.path) {
            Issue.record("\(url.path), changed: \(problem)")
          }
        }
      }
    }
    if !folders.isEmpty { print("block reader: read \(read) of \(files) files") }
  }
}
