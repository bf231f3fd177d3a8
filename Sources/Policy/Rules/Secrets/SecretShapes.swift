import Foundation

/// What a plain-text value gives away: the shapes of real credentials, and assignments of
/// high-entropy values to names that say they are secret.
///
/// Shapes are recognised byte by byte (no regular expressions: lint reads every environment
/// variable and user-data script of a template, and most contain none of the prefixes).
/// Values built from `${...}` references, `{{resolve:...}}` dynamic references, ARNs, paths
/// and URLs without credentials are never secrets themselves; they say where one is.
enum SecretShapes {
  /// The first known credential shape in `text`, described for a message, or nil.
  static func credential(in text: String) -> String? {
    let bytes = Array(text.utf8)
    if let key = accessKeyID(in: bytes) { return key }
    if contains(bytes, "-----BEGIN "), text.contains("PRIVATE KEY-----") {
      return "a private key (PEM)"
    }
    for (prefix, minimum, name) in tokenPrefixes
    where token(after: prefix, in: bytes, minimum: minimum) {
      return name
    }
    if contains(bytes, "hooks.slack.com/services/T") { return "a Slack webhook URL" }
    if let password = connectionStringPassword(in: bytes) { return password }
    return nil
  }

  /// The secret-looking assignment in a script or configuration text (`DB_PASSWORD=...`,
  /// `aws_secret_access_key = ...`, `"apiKey": "..."`): the name assigned, or nil.
  static func assignment(in text: String) -> String? {
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == ";" || $0 == "," }) {
      guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
      let name = line[..<separator].split(whereSeparator: { " \t\"'{".contains($0) }).last
      var value = line[line.index(after: separator)...].drop { " \t\"'=".contains($0) }
      value = value.prefix { !" \t\"'".contains($0) }
      guard let name, isSecretName(String(name)), isSecretValue(String(value)) else { continue }
      return String(name)
    }
    return nil
  }

  /// Whether a variable or parameter name says it holds a secret (`DB_PASSWORD`, `ApiKey`,
  /// `githubToken`) and not where one is kept (`SECRET_ARN`, `TOKEN_URL`, `PASSWORD_PARAMETER`).
  static func isSecretName(_ name: String) -> Bool {
    let words = name.lowercased().filter { $0.isLetter || $0.isNumber }
    guard secretWords.contains(where: { words.contains($0) }) else { return false }
    return !locatorWords.contains { words.contains($0) } && !words.hasSuffix("id")
      && !words.hasSuffix("name") && !words.hasSuffix("length")
  }

  /// Whether a literal value could be a secret: long enough, one token, not a reference or a
  /// locator, not a placeholder, and varied enough (Shannon entropy of at least 3 bits a character).
  static func isSecretValue(_ value: String) -> Bool {
    guard value.count >= 8, value.count <= 4096,
      !value.contains(where: { $0.isWhitespace }),
      !locatorPrefixes.contains(where: { value.lowercased().hasPrefix($0) }),
      !value.contains("${"), !value.contains("{{"), !value.hasPrefix("$"), !value.hasPrefix("<"),
      !value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
      !value.allSatisfy({ $0.isUppercase || $0 == "_" || $0 == "-" }),
      !placeholders.contains(where: { value.lowercased().contains($0) })
    else { return false }
    return entropy(value) >= 3.0
  }

  /// Shannon entropy in bits per character.
  static func entropy(_ text: String) -> Double {
    var counts: [Character: Int] = [:]
    for character in text { counts[character, default: 0] += 1 }
    let total = Double(text.count)
    return counts.values.reduce(0) { sum, count in
      let p = Double(count) / total
      return sum - p * log2(p)
    }
  }

  static let secretWords = [
    "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "accesskey",
    "credential", "authkey", "signingkey", "clientkey",
  ]
  static let locatorWords = [
    "arn", "path", "file", "url", "uri", "endpoint", "param", "ssm", "location", "bucket",
    "table", "policy", "rotation", "ttl", "expir", "header", "region", "enabled", "version",
    "format", "type", "size", "secretsmanager", "vault", "kms", "lambda", "queue", "topic",
  ]
  static let locatorPrefixes = [
    "arn:", "/", "http://", "https://", "s3://", "alias/", "ssm:", "resolve:", "file:",
    "secretsmanager:",
  ]
  static let placeholders = [
    "changeme-", "placeholder", "replace", "your", "dummy", "notasecret", "xxxx",
    "****",
  ]

  /// Known token prefixes, the fewest characters that follow, and what they are.
  static let tokenPrefixes: [(String, Int, String)] = [
    ("ghp_", 36, "a GitHub token"), ("gho_", 36, "a GitHub token"),
    ("ghu_", 36, "a GitHub token"), ("ghs_", 36, "a GitHub token"),
    ("ghr_", 36, "a GitHub token"), ("github_pat_", 40, "a GitHub token"),
    ("glpat-", 20, "a GitLab token"),
    ("xoxb-", 10, "a Slack token"), ("xoxp-", 10, "a Slack token"),
    ("xoxa-", 10, "a Slack token"), ("xoxr-", 10, "a Slack token"),
    ("xoxs-", 10, "a Slack token"),
    ("sk_live_", 16, "a Stripe secret key"), ("rk_live_", 16, "a Stripe restricted key"),
    ("AIza", 35, "a Google API key"), ("SG.", 60, "a SendGrid API key"),
  ]

  /// `AKIA`/`ASIA` and 16 upper-case letters or digits, standing alone. AWS's documented
  /// example keys (ending in `EXAMPLE`) are reported too: a template is no place for one.
  private static func accessKeyID(in bytes: [UInt8]) -> String? {
    guard bytes.count >= 20 else { return nil }
    for start in 0...(bytes.count - 20)
    where bytes[start] == UInt8(ascii: "A") || bytes[start] == UInt8(ascii: "S") {
      guard start + 4 <= bytes.count else { break }
      let prefix = bytes[start..<start + 4]
      guard prefix.elementsEqual("AKIA".utf8) || prefix.elementsEqual("ASIA".utf8) else {
        continue
      }
      if start > 0, isWordByte(bytes[start - 1]) { continue }
      let body = bytes[(start + 4)..<(start + 20)]
      guard body.allSatisfy({ isUpper($0) || isDigit($0) }) else { continue }
      if start + 20 < bytes.count, isWordByte(bytes[start + 20]) { continue }
      return "an AWS access key id (\(String(decoding: prefix, as: UTF8.self))...)"
    }
    return nil
  }

  /// Whether `prefix` occurs, not inside a word, followed by at least `minimum` token characters.
  private static func token(after prefix: String, in bytes: [UInt8], minimum: Int) -> Bool {
    let needle = Array(prefix.utf8)
    var start = 0
    while let found = firstIndex(of: needle, in: bytes, from: start) {
      start = found + 1
      if found > 0, isWordByte(bytes[found - 1]) { continue }
      var end = found + needle.count
      while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "-") {
        end += 1
      }
      if end - found - needle.count >= minimum { return true }
    }
    return false
  }

  /// `scheme://user:password@host` with a literal password.
  private static func connectionStringPassword(in bytes: [UInt8]) -> String? {
    var start = 0
    while let found = firstIndex(of: Array("://".utf8), in: bytes, from: start) {
      start = found + 3
      var end = start
      while end < bytes.count, !"/@ \n\t\"'".utf8.contains(bytes[end]) { end += 1 }
      guard end < bytes.count, bytes[end] == UInt8(ascii: "@") else { continue }
      let userinfo = bytes[start..<end]
      guard let colon = userinfo.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let password = String(decoding: userinfo[(colon + 1)...], as: UTF8.self)
      guard password.count >= 4, !"${<*%".contains(password.first ?? "$"),
        !password.contains("{{")
      else { continue }
      return "a password in a connection string"
    }
    return nil
  }

  private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
    firstIndex(of: Array(needle.utf8), in: bytes, from: 0) != nil
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else {
      return nil
    }
    let first = needle[0]
    var position = start
    while position <= bytes.count - needle.count {
      if bytes[position] == first,
        bytes[position..<(position + needle.count)].elementsEqual(needle)
      {
        return position
      }
      position += 1
    }
    return nil
  }

  private static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
  private static func isWordByte(_ byte: UInt8) -> Bool {
    isUpper(byte) || isDigit(byte) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
  }
}
