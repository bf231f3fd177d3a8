extension String {
  /// The text with every control character written out as an escape (`\x1b`, `\x07`, `\x00`,
  /// `\r`, `\x85`...), so text that came from a template (a logical id, a value, a file name, an
  /// error from an endpoint) cannot move the cursor, hide what follows, ring the bell or forge
  /// a line of its own when printed to a terminal or a CI log. Line feeds and tabs stay as they
  /// are; text without a control character is returned as it is, without being copied.
  ///
  /// Every human-readable report applies it to what it prints; JSON and SARIF escape control
  /// characters by their own rules.
  public var escapingControlCharacters: String {
    // Every escaped scalar starts with one of these bytes in UTF-8 (a C0 control, DEL, 0xC2 for
    // C1 controls, 0xE2 for the bidirectional controls): most text is passed over in one scan.
    guard containsUTF8Byte(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
      unicodeScalars.contains(where: \.isEscapedOnTerminals)
    else { return self }
    var result = ""
    result.reserveCapacity(utf8.count + 16)
    for scalar in unicodeScalars {
      guard scalar.isEscapedOnTerminals else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\r": result += "\\r"
      default:
        let hex = String(scalar.value, radix: 16)
        result += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
      }
    }
    return result
  }
}

extension Unicode.Scalar {
  /// C0 controls but line feed and tab, DEL, C1 controls (0x80-0x9F, which some terminals obey
  /// as escape sequences), and the bidirectional overrides and isolates that reorder what a
  /// reader sees (U+202A-U+202E, U+2066-U+2069).
  fileprivate var isEscapedOnTerminals: Bool {
    switch value {
    case 0x0A, 0x09: false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
