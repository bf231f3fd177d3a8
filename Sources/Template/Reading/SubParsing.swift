extension Sub {
  /// Reads an `Fn::Sub` template the way `Sub(_:variables:)` does, one pass over the bytes.
  ///
  /// Templates are full of `!Sub` strings, and the character-level parser of the model
  /// dominated reading time. For ASCII text grapheme clusters and bytes coincide (`\r\n`
  /// is one cluster, but neither byte is `$`, `{`, `}`, `!` or a space), so this byte-level
  /// pass gives exactly the model's parts; anything else takes the model's own parser.
  static func reading(_ template: String, variables: OrderedMap<Value>? = nil) -> Sub {
    let parts: [Part]? =
      template.utf8.withContiguousStorageIfAvailable { bytes in
        asciiParts(bytes)
      } ?? nil
    guard let parts else { return Sub(template, variables: variables) }
    // The parts are already normalized (no empty text, no two texts in a row):
    // `init(parts:)` would rebuild the array to make sure.
    var sub = Sub(parts: [], variables: variables)
    sub.parts = parts
    return sub
  }

  /// The parts of an ASCII template, or `nil` when a byte is not ASCII.
  static func asciiParts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Part]? {
    let dollar = UInt8(ascii: "$")
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    let bang = UInt8(ascii: "!")
    let space = UInt8(ascii: " ")
    func text(_ from: Int, _ to: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    var parts: [Part] = []
    var references = 0
    for k in 0..<max(bytes.count - 1, 0) where bytes[k] == dollar && bytes[k + 1] == open {
      references += 1
    }
    // Text and reference alternate: at most one text before, between and after the references.
    parts.reserveCapacity(2 * references + 1)
    var pending = ""
    var i = 0
    var textStart = 0
    let count = bytes.count
    while i < count {
      let byte = bytes[i]
      if byte >= 0x80 { return nil }
      guard byte == dollar, i + 1 < count, bytes[i + 1] == open else {
        i += 1
        continue
      }
      // "${" at i: find the first "}" after it.
      var end = i + 2
      while end < count, bytes[end] != close {
        if bytes[end] >= 0x80 { return nil }
        end += 1
      }
      guard end < count else { break }  // no closing brace: the rest is text
      pending += text(textStart, i)
      let bodyStart = i + 2
      if bodyStart < end, bytes[bodyStart] == bang {
        pending += "${" + text(bodyStart + 1, end) + "}"
      } else {
        if !pending.isEmpty { parts.append(.text(pending)) }
        pending = ""
        var from = bodyStart
        var to = end
        while from < to, bytes[from] == space { from += 1 }
        while to > from, bytes[to - 1] == space { to -= 1 }
        parts.append(.reference(text(from, to)))
      }
      i = end + 1
      textStart = i
    }
    for k in i..<count where bytes[k] >= 0x80 { return nil }
    pending += text(textStart, count)
    if !pending.isEmpty { parts.append(.text(pending)) }
    return parts
  }
}
