import Foundation
import Testing

@testable import Template

/// A template read in parts must be the template read whole, to every line and column, and a
/// template the block reader cannot read whole must not read in parts either.
@Suite struct ResourcesSplitTests {
  typealias Outline = String

  /// What the block reader makes of `bytes` whole, and in the parts of each split `splits`
  /// makes of its resource keys (`nil` where it gives up).
  static func readings(
    _ bytes: [UInt8], file: String = "t.yaml",
    splits: (ResourcesSplit.ResourceKeys) -> [[Int]] = everySingleCut
  ) -> (whole: Outline?, parts: [(cuts: [Int], outline: Outline?)]) {
    bytes.withUnsafeBufferPointer { input in
      let fileID = SourceFiles.shared.id(of: file)
      let maxDepth = ReadingLimits.standard.maxDepth
      let whole = BlockYAMLReader.read(input, fileID: fileID, maxDepth: maxDepth, split: nil)
      guard let base = input.baseAddress, let isASCII = BlockYAMLReader.isASCIIPlainText(input),
        let keys = ResourcesSplit.ResourceKeys(input)
      else { return (whole.map(BlockYAMLReaderTests.outline), []) }
      let parts = splits(keys).map { cuts in
        let split = ResourcesSplit(input.count, keys: keys, cuttingBefore: cuts)
        let value = BlockYAMLReader.read(
          base, in: split, isASCII: isASCII, fileID: fileID, maxDepth: maxDepth)
        return (cuts, value.map(BlockYAMLReaderTests.outline))
      }
      return (whole.map(BlockYAMLReaderTests.outline), parts)
    }
  }

  /// No cut (the start and the rest), one cut before each key the split may cut before (every
  /// part keeps two keys), and a cut before every other key.
  static func everySingleCut(_ keys: ResourcesSplit.ResourceKeys) -> [[Int]] {
    let positions = keys.lines.count >= 4 ? Array(2...(keys.lines.count - 2)) : []
    let everyOther = Array(stride(from: 2, through: keys.lines.count - 2, by: 2))
    return [[]] + positions.map { [$0] } + (everyOther.count > 1 ? [everyOther] : [])
  }

  /// Where the parts and the whole disagree, one message per split.
  static func disagreements(_ bytes: [UInt8], file: String = "t.yaml") -> [String] {
    let (whole, parts) = readings(bytes, file: file)
    return parts.compactMap { cuts, outline in
      switch (whole, outline) {
      case (nil, nil): return nil
      case (nil, .some): return "cut before keys \(cuts): read in parts, not whole"
      case (.some, nil): return "cut before keys \(cuts): read whole, not in parts"
      case (.some(let whole), .some(let outline)):
        return whole == outline ? nil : "cut before keys \(cuts): the parts read differently"
      }
    }
  }

  static func template(resources count: Int, after: String = "Outputs:\n  O:\n    Value: x\n")
    -> String
  {
    var text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
    for index in 0..<count {
      text += "  Queue\(index):\n    Type: AWS::SQS::Queue\n    Properties:\n"
      text += "      QueueName: !Sub q-\(index)-${AWS::StackName}\n"
      text += "      Tags: [{Key: k, Value: v}]\n"
    }
    return text + after
  }

  @Test func aTemplateReadsTheSameInEveryCut() throws {
    let bytes = Array(Self.template(resources: 6).utf8)
    let (whole, parts) = Self.readings(bytes)
    #expect(whole != nil)
    #expect(parts.count == 5)  // no cut, three single cuts, every other key
    for (cuts, outline) in parts {
      #expect(outline == whole, "cut before keys \(cuts)")
    }
  }

  @Test(arguments: [
    // Literal blocks at a part's end, comments at column 0 between resources and after them,
    // blank lines, CRLF line breaks, characters beyond ASCII, no keys after Resources.
    "Resources:\n  A:\n    Type: T\n    Properties:\n      Script: |\n        echo a\n\n  B:\n    Type: T\n    Properties:\n      Script: |+\n        b\n\n\n  C:\n    Type: T\n",
    "Resources:\n  A:\n    Type: T\n# a comment at column 0\n  B:\n    Type: T\n  # an indented one\n  C: {Type: T}\n# trailing\nOutputs: {}\n",
    "Resources:\r\n  A:\r\n    Type: T\r\n  B:\r\n    Type: T\r\n  C:\r\n    Type: T\r\nOutputs:\r\n  X: y\r\n",
    "Description: caf\u{E9}\nResources:\n  A:\n    Type: \u{E9}t\u{E9}\n  B:\n    Type: \u{1F600} T\n  C:\n    Type: T\n",
    "Resources:   # the resources\n\n  A: {Type: T}\n\n  'B': {Type: T}\n  \"C\": {Type: T}\n",
  ])
  func theFormsAroundACutReadTheSame(_ text: String) {
    #expect(Self.disagreements(Array(text.utf8)) == [])
    #expect(Self.readings(Array(text.utf8)).whole != nil)
  }

  @Test(arguments: [
    // The same resource in two parts, the same top-level key before and after Resources, and
    // a second Resources.
    "Resources:\n  A: {Type: T}\n  B: {Type: T}\n  C: {Type: T}\n  A: {Type: T}\n",
    "Outputs: {}\nResources:\n  A: {Type: T}\n  B: {Type: T}\n  C: {Type: T}\n  D: {Type: T}\nOutputs: {}\n",
    "Resources:\n  A: {Type: T}\n  B: {Type: T}\n  C: {Type: T}\n  D: {Type: T}\nResources:\n  E: {Type: T}\n",
  ])
  func aRepeatedKeyAcrossPartsIsLeftToTheWholeReading(_ text: String) {
    let (whole, parts) = Self.readings(Array(text.utf8))
    #expect(whole == nil)
    #expect(parts.count >= 2)
    for (cuts, outline) in parts {
      #expect(outline == nil, "cut before keys \(cuts)")
    }
  }

  @Test func aPartThatReadsAsAFunctionSendsTheFileToTheWholeReading() {
    let text = "Resources:\n  Ref:\n    Type: T\n  B:\n    Type: T\n  C:\n    Type: T\n"
    let bytes = Array(text.utf8)
    // The cuts the split makes keep two keys in every part.
    #expect(Self.disagreements(bytes) == [])
    // A cut before B would leave the start's Resources `{Ref: ...}`, a function: that split
    // gives up, and reading with it falls back to the whole reading.
    let whole = Self.readings(bytes).whole
    #expect(whole != nil)
    let (inParts, withFallBack) = bytes.withUnsafeBufferPointer { input in
      let keys = ResourcesSplit.ResourceKeys(input)!
      let split = ResourcesSplit(input.count, keys: keys, cuttingBefore: [1])
      let fileID = SourceFiles.shared.id(of: "t.yaml")
      let maxDepth = ReadingLimits.standard.maxDepth
      return (
        BlockYAMLReader.read(
          input.baseAddress!, in: split, isASCII: true, fileID: fileID, maxDepth: maxDepth),
        BlockYAMLReader.read(input, fileID: fileID, maxDepth: maxDepth, split: split)
      )
    }
    #expect(inParts == nil)
    #expect(withFallBack.map(BlockYAMLReaderTests.outline) == whole)
  }

  @Test func cutsAreMadeOnlyWhereTheyPay() {
    let small = Array(Self.template(resources: 50).utf8)
    let large = Array(Self.template(resources: 1_000).utf8)
    #expect(small.count < 2 * ResourcesSplit.smallestPart)
    small.withUnsafeBufferPointer { #expect(ResourcesSplit($0, count: 2) == nil) }
    large.withUnsafeBufferPointer { input in
      #expect(ResourcesSplit(input, count: 1) == nil)
      let split = ResourcesSplit(input, count: 4)
      #expect(split?.parts.count == 5)  // the start, three runs of resources, the rest
      // About the same size each: every part within a fifth of an even share of the file.
      for part in split?.parts.dropLast() ?? [] {
        #expect(abs(part.bytes.count - input.count / 4) < input.count / 20)
      }
    }
    let noResources = Array("Parameters:\n  P: {Type: String}\n".utf8)
    noResources.withUnsafeBufferPointer { #expect(ResourcesSplit.ResourceKeys($0) == nil) }
    let flow = Array("Resources: {A: {Type: T}}\n".utf8)
    flow.withUnsafeBufferPointer { #expect(ResourcesSplit.ResourceKeys($0) == nil) }
  }

  /// Every YAML file of the package, cut before each of its resources in turn.
  @Test func everyFileOfThePackageReadsTheSameInParts() throws {
    var (files, cut) = (0, 0)
    for path in BlockYAMLReaderTests.packageFiles {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let problems = Self.disagreements(bytes, file: path)
      for problem in problems { Issue.record("\(path): \(problem)") }
      if Self.readings(bytes, file: path).parts.contains(where: { $0.outline != nil }) {
        cut += 1
      }
      files += 1
    }
    #expect(files > 300)
    #expect(cut * 2 > files)
  }

  /// Copies of the package's files with one change each (`BlockYAMLReaderTests.mutated`):
  /// wherever the change lands, the parts read as the whole does or give up with it.
  @Test func mutatedFilesReadTheSameInParts() throws {
    var generator = RoundTripValueGenerator(seed: 0x5917)
    var compared = 0
    for path in BlockYAMLReaderTests.packageFiles.filter({ !$0.contains("/bad/") }).prefix(150) {
      let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      guard !original.isEmpty else { continue }
      for _ in 0..<10 {
        let bytes = BlockYAMLReaderTests.mutated(original, &generator)
        for problem in Self.disagreements(bytes, file: path) {
          Issue.record("\(path), changed: \(problem)")
        }
        compared += 1
      }
    }
    #expect(compared > 1_000)
  }
}
