import Testing

@testable import Template

/// The reader's byte-level `Fn::Sub` parser gives exactly the model's parts.
@Suite struct ReadingSubTests {
  @Test(arguments: [
    "", "plain", "${A}", "a${A}b", "${ A }", "${AWS::Region}-${Bucket.Arn}", "${!Literal}", "${!}",
    "${}",
    "${", "a${b", "}${A}", "$${A}", "${A}${B}", "x ${!A} ${B} ${", "${ }", "${!A}${B}", "café ${A}",
    "${Ä}",
    "line\r\n${A}", "${A\r\nB}",
  ])
  func matchesTheModel(_ template: String) {
    #expect(Sub.reading(template) == Sub(template), "\(template)")
  }

  @Test func matchesTheModelOnGeneratedTemplates() {
    let alphabet: [String] = ["$", "{", "}", "!", " ", "a", "B", "\r\n", ".", ":", "é"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<5_000 {
      var template = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 59)
      for _ in 0..<length {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        template += alphabet[Int(state >> 33) % alphabet.count]
      }
      #expect(Sub.reading(template) == Sub(template), "\(template)")
    }
  }
}
