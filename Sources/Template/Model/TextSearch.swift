extension String {
  /// Whether `other` occurs in the string, compared as UTF-8 bytes; an empty `other` occurs
  /// nowhere (as Foundation answers).
  ///
  /// Every module that imports Foundation would otherwise call Foundation's
  /// `StringProtocol.contains(_:)`, which on Linux bridges both strings to `NSString` and
  /// searches UTF-16: the checks ask this of nearly every value of a template (is it a dynamic
  /// reference, is it an ARN, a role path), and that bridging was a tenth of `validate`. Being
  /// a member of `String` taking a `String`, this one is the more specific and is chosen
  /// instead. Byte comparison differs from Foundation's only for text written in two canonically
  /// equivalent ways (a precomposed and a combining accent), which templates' keywords are not.
  @inlinable public func contains(_ other: String) -> Bool {
    guard !other.isEmpty else { return false }
    var haystack = self
    var needle = other
    return haystack.withUTF8 { text in
      needle.withUTF8 { pattern in text.firstOccurrence(of: pattern) != nil }
    }
  }
}

extension String {
  /// Whether some byte of the string's UTF-8 passes `test`, scanned as one contiguous buffer.
  ///
  /// The reporters ask this of every line they print (does it hold a newline, a control
  /// character): walking `utf8` as a collection checks each index, and on a large run that
  /// walk cost as much as building the lines.
  @inlinable public func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
    var text = self
    return text.withUTF8 { $0.contains(where: test) }
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The offset of the first occurrence of `pattern`, or `nil`; `pattern` is not empty.
  @usableFromInline func firstOccurrence(of pattern: UnsafeBufferPointer<UInt8>) -> Int? {
    guard pattern.count <= count else { return nil }
    let first = pattern[0]
    var start = 0
    let last = count - pattern.count
    while start <= last {
      if self[start] == first {
        var matched = 1
        while matched < pattern.count && self[start + matched] == pattern[matched] { matched += 1 }
        if matched == pattern.count { return start }
      }
      start += 1
    }
    return nil
  }
}
