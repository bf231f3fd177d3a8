/// Eight bytes judged at once, each on its own: whether all are printable ASCII (space to
/// tilde), or printable ASCII and line feeds.
///
/// Each byte is judged on its low seven bits, where adding a constant carries into bit 7 and
/// never into the next byte, so the answer for one byte never depends on its neighbours (a
/// word-wide subtraction borrows across bytes: a line feed then sent the whole word to a
/// byte-by-byte path, once on every line of a template).
enum ASCIIWord {
  private static let bit7: UInt64 = 0x8080_8080_8080_8080

  /// Whether every byte of `word` is in 0x20...0x7E.
  static func isPrintable(_ word: UInt64) -> Bool {
    word & bit7 == 0 && printableBits(word) == bit7
  }

  /// Whether every byte of `word` is in 0x20...0x7E or is a line feed.
  static func isPrintableOrLineFeed(_ word: UInt64) -> Bool {
    let fromLineFeed = (word & 0x7F7F_7F7F_7F7F_7F7F) ^ 0x0A0A_0A0A_0A0A_0A0A
    let notLineFeed = ((fromLineFeed &+ 0x7F7F_7F7F_7F7F_7F7F) | fromLineFeed) & bit7
    return word & bit7 == 0 && printableBits(word) | (~notLineFeed & bit7) == bit7
  }

  /// Bit 7 of each byte set when its low seven bits are 0x20...0x7E.
  private static func printableBits(_ word: UInt64) -> UInt64 {
    let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
    let atLeastSpace = (low7 &+ 0x6060_6060_6060_6060) & bit7
    let delete = (low7 &+ 0x0101_0101_0101_0101) & bit7
    return atLeastSpace & ~delete
  }
}

extension String {
  /// Whether every byte of the string is printable ASCII (space to tilde), eight at a time:
  /// the text report asks it of every finding's message, file name and logical id.
  public var isPrintableASCII: Bool {
    // Read in place: a copy to call `withUTF8` on retained and released the string's storage.
    if let answer = utf8.withContiguousStorageIfAvailable(ASCIIWord.arePrintable) { return answer }
    var text = self
    return text.withUTF8(ASCIIWord.arePrintable)
  }
}

extension ASCIIWord {
  /// Whether every byte of `bytes` is printable ASCII, eight at a time.
  static func arePrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    while index + 8 <= bytes.count {
      guard isPrintable(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) else {
        return false
      }
      index += 8
    }
    return bytes[index...].allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }
}
