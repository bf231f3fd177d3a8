import Testing

@testable import Template

/// The scans that judge a file's bytes before it is read, word by word, against the same
/// judgement made one byte at a time: every byte value at every offset of a word and of the
/// tail after the last whole word.
@Suite struct ByteScanTests {
  /// Printable ASCII text with line feeds, 40 bytes: two 16-byte steps and a tail of eight.
  static let text = Array("Resources:\n  Queue:\n    Type: AWS::SQS::Q".utf8)

  /// What `isASCIIPlainText` says of a text that is ASCII but for `byte` before `next`.
  static func expectedPlainText(_ byte: UInt8, before next: UInt8?) -> Bool? {
    switch byte {
    case 0x0A, 0x20..<0x7F: true
    case 0x0D where next == 0x0A: true
    case 0x80...: false
    default: nil
    }
  }

  @Test(arguments: 0..<40)
  func plainTextJudgesEveryByteAtEveryOffset(_ offset: Int) {
    // Lead bytes the scan looks past (0xC2, 0xE2, 0xEF) have cases of their own below.
    for byte in UInt8.min...UInt8.max where ![0xC2, 0xE2, 0xEF].contains(byte) {
      var bytes = Self.text
      bytes[offset] = byte
      let judged = bytes.withUnsafeBufferPointer { BlockYAMLReader.isASCIIPlainText($0) }
      let next = offset + 1 < bytes.count ? bytes[offset + 1] : nil
      #expect(judged == Self.expectedPlainText(byte, before: next), "byte \(byte) at \(offset)")
    }
  }

  @Test(arguments: 0..<38)
  func plainTextJudgesCharactersLibYAMLTreatsApart(_ offset: Int) {
    let cases: [([UInt8], Bool?)] = [
      ([0xC2, 0x85], nil),  // NEL, a line break to libyaml
      ([0xC2, 0xA0], false),  // no-break space
      ([0xE2, 0x80, 0xA8], nil),  // line separator
      ([0xE2, 0x80, 0x94], false),  // em dash
      ([0xEF, 0xBB, 0xBF], nil),  // byte order mark
      ([0xEF, 0xBC, 0x81], false),  // fullwidth exclamation mark
      ([0x0D, 0x0A], true),  // CRLF
    ]
    for (sequence, expected) in cases {
      var bytes = Self.text
      bytes.replaceSubrange(offset..<offset + sequence.count, with: sequence)
      let judged = bytes.withUnsafeBufferPointer { BlockYAMLReader.isASCIIPlainText($0) }
      #expect(judged == expected, "\(sequence) at \(offset)")
    }
  }

  @Test(arguments: 0..<40)
  func validationFindsTheFirstInvalidByteAtEveryOffset(_ offset: Int) {
    var bytes = Self.text
    bytes[offset] = 0xFF
    let error = bytes.withUnsafeBufferPointer { input in
      #expect(throws: TemplateError.self) { try SourceText.validateUTF8(input, file: "t.yaml") }
    }
    let line = Self.text[..<offset].filter { $0 == 0x0A }.count + 1
    let column = offset - (Self.text[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
    #expect(error?.id == .invalidEncoding)
    #expect(error?.location.line == line && error?.location.column == column, "offset \(offset)")
  }

  @Test(arguments: 0..<38)
  func validationPassesCharactersAtEveryOffset(_ offset: Int) {
    var bytes = Self.text
    bytes.replaceSubrange(offset..<offset + 3, with: [0xE2, 0x80, 0x94])  // em dash
    bytes.withUnsafeBufferPointer { input in
      #expect(throws: Never.self) { try SourceText.validateUTF8(input, file: "t.yaml") }
    }
  }

  @Test(arguments: 0..<20)
  func printableASCIIJudgesEveryByteAtEveryOffset(_ offset: Int) {
    // Two whole words and a tail of four bytes.
    let text = Array("bucket has no policy".utf8)
    for byte in UInt8.min...UInt8.max {
      var bytes = text
      bytes[offset] = byte
      let string = String(decoding: bytes, as: UTF8.self)
      // Invalid bytes decode as U+FFFD, which is not printable ASCII either.
      let expected = string.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
      #expect(string.isPrintableASCII == expected, "byte \(byte) at \(offset)")
    }
  }
}
