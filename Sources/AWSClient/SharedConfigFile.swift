/// The AWS CLI's shared files, `~/.aws/credentials` and `~/.aws/config`: INI sections of
/// `key = value` lines.
///
/// In the credentials file a section is the profile name (`[dev]`); in the config file it
/// is `[profile dev]`, except `[default]`. Comments start with `#` or `;`; indented lines
/// continue a nested block (`s3 =` settings) and are skipped.
public struct SharedConfigFile: Sendable, Hashable {
  public var profiles: [String: [String: String]]

  public init(profiles: [String: [String: String]] = [:]) { self.profiles = profiles }

  /// Parses a file's text; `isConfig` strips the `profile ` prefix of the config file's sections.
  public init(text: String, isConfig: Bool) {
    var profiles: [String: [String: String]] = [:]
    var current: String?
    for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      if rawLine.first == " " || rawLine.first == "\t" { continue }
      let line = rawLine.trimmingCharacters(in: " \t")
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      if line.hasPrefix("[") && line.hasSuffix("]") {
        var name = String(line.dropFirst().dropLast()).trimmingCharacters(in: " \t")
        if isConfig, name.hasPrefix("profile ") {
          name = String(name.dropFirst("profile ".count)).trimmingCharacters(in: " \t")
        } else if isConfig, name != "default" {
          // `[sso-session x]`, `[services x]`: not profiles.
          current = nil
          continue
        }
        current = name
        profiles[name, default: [:]] = profiles[name, default: [:]]
        continue
      }
      guard let current, let equals = line.firstIndex(of: "=") else { continue }
      let key = String(line[..<equals]).trimmingCharacters(in: " \t").lowercased()
      let value = String(line[line.index(after: equals)...]).trimmingCharacters(in: " \t")
      profiles[current, default: [:]][key] = value
    }
    self.profiles = profiles
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: String) -> String {
    let characters = Array(self)
    var start = 0
    var end = characters.count
    while start < end, set.contains(characters[start]) { start += 1 }
    while end > start, set.contains(characters[end - 1]) { end -= 1 }
    return String(characters[start..<end])
  }
}
