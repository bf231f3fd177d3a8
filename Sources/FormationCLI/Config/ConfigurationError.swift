import Foundation
import Template

/// A `.formation.yaml` (or parameter file) that cannot be used: what is wrong, and where.
///
/// Commands print it as one line, `file:line:col: error CFG00n: message`, and exit 2, like a
/// wrong command line: a configuration that is silently half-applied gives a false all-clear.
public typealias ConfigurationError = LocatedError<ConfigurationDomain>

/// The errors of reading a configuration, baseline or parameter file.
public enum ConfigurationDomain: ErrorDomain {}

extension ErrorID where Domain == ConfigurationDomain {
  /// The file cannot be read, or is not YAML/JSON.
  public static let unreadable = Self(rawValue: "CFG001")
  /// A key Formation does not know (a typo would otherwise be ignored).
  public static let unknownKey = Self(rawValue: "CFG002")
  /// A value of the wrong shape: a mapping where a list is expected, a number for a glob.
  public static let wrongShape = Self(rawValue: "CFG003")
  /// A rule id, prefix or theme, a pack or a severity that does not exist.
  public static let unknownName = Self(rawValue: "CFG004")
}

extension ConfigurationError {
  /// The value tree of a configuration-like file (`what` names it in the error when it cannot
  /// be read: "configuration file", "baseline file", "parameter file").
  static func parse(_ path: String, format: TemplateFormat, what: String) throws(ConfigurationError)
    -> Value
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigurationError(
        .unreadable, "cannot read the \(what)", at: SourceLocation(file: path, line: 1, column: 1))
    }
    do {
      return try Value.parse([UInt8](data), file: path, format: format)
    } catch {
      throw ConfigurationError(error)
    }
  }

  /// The reader's own error, moved to a configuration id so it prints the same way.
  init(_ error: TemplateError) {
    self.init(.unreadable, error.message, at: error.location)
  }
}
