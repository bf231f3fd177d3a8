/// Parses and checks literal CIDR blocks, so a typo in a blueprint is a render error at its
/// line instead of an EC2 `InvalidParameterValue` in the middle of a deployment.
enum CIDR {
  /// An IPv4 block: its four octets and prefix length.
  struct IPv4: Equatable {
    var octets: [Int]
    var prefixLength: Int

    /// True when host bits are set (`10.0.0.1/16`): EC2 rejects such a block for a VPC or subnet.
    var hasHostBits: Bool {
      let address = octets.reduce(0) { ($0 << 8) | $1 }
      let hostBits = 32 - prefixLength
      guard hostBits > 0 else { return false }
      return address & ((1 << hostBits) - 1) != 0
    }
  }

  /// `nil` unless `text` is `a.b.c.d/n` with octets 0...255 and n 0...32.
  static func ipv4(_ text: String) -> IPv4? {
    let halves = text.split(separator: "/", omittingEmptySubsequences: false)
    guard halves.count == 2, let prefix = Int(halves[1]), (0...32).contains(prefix),
      halves[1].allSatisfy(\.isASCII)
    else { return nil }
    let parts = halves[0].split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var octets: [Int] = []
    for part in parts {
      guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
        let octet = Int(part), (0...255).contains(octet)
      else { return nil }
      octets.append(octet)
    }
    return IPv4(octets: octets, prefixLength: prefix)
  }

  /// The prefix length of an IPv6 block (`2001:db8::/32`), `nil` when it is not one.
  static func ipv6PrefixLength(_ text: String) -> Int? {
    let halves = text.split(separator: "/", omittingEmptySubsequences: false)
    guard halves.count == 2, let prefix = Int(halves[1]), (0...128).contains(prefix),
      halves[0].contains(":"),
      halves[0].allSatisfy({ $0.isHexDigit || $0 == ":" })
    else { return nil }
    return prefix
  }

  /// The prefix length of a literal IPv4 or IPv6 block, `nil` when it is neither.
  static func prefixLength(_ text: String) -> Int? {
    ipv4(text)?.prefixLength ?? ipv6PrefixLength(text)
  }
}
