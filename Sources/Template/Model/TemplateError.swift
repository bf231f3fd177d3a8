/// A template that cannot be read: the location, a stable id and a sentence a person understands.
///
/// Every reader failure is one of these; nothing in the reading path traps. The ids are
/// stable (tests and users match on them), the messages are lower case and say what to do.
public typealias TemplateError = LocatedError<TemplateReadingDomain>

/// The errors of reading a template.
public enum TemplateReadingDomain: ErrorDomain {}

/// Stable identifiers of reading failures.
extension ErrorID where Domain == TemplateReadingDomain {
  /// The file could not be opened or read.
  public static let unreadableFile = Self(rawValue: "E0001")
  /// The bytes are not valid UTF-8.
  public static let invalidEncoding = Self(rawValue: "E0002")
  /// The file has no document.
  public static let emptyDocument = Self(rawValue: "E0003")
  /// YAML syntax error reported by libyaml.
  public static let yamlSyntax = Self(rawValue: "E0004")
  /// JSON syntax error.
  public static let jsonSyntax = Self(rawValue: "E0005")
  /// A mapping repeats a key.
  public static let duplicateKey = Self(rawValue: "E0006")
  /// A `!Tag` that is not a CloudFormation intrinsic function.
  public static let unknownTag = Self(rawValue: "E0007")
  /// An intrinsic function with arguments of the wrong shape.
  public static let intrinsicShape = Self(rawValue: "E0008")
  /// The document root is not a mapping.
  public static let rootNotMapping = Self(rawValue: "E0009")
  /// A section or resource has the wrong shape (`Resources` that is a list, `Properties` that is a string).
  public static let sectionShape = Self(rawValue: "E0010")
  /// Nesting deeper than the reader allows.
  public static let tooDeep = Self(rawValue: "E0011")
  /// Aliases expand to more nodes than the reader allows ("billion laughs").
  public static let aliasExpansion = Self(rawValue: "E0012")
  /// An alias names an anchor that was never defined.
  public static let unknownAlias = Self(rawValue: "E0013")
  /// More than one YAML document in the file.
  public static let multipleDocuments = Self(rawValue: "E0014")
  /// A mapping key that is not a scalar.
  public static let complexKey = Self(rawValue: "E0015")
  /// The file is larger than the reader accepts at all.
  public static let fileTooLarge = Self(rawValue: "E0016")
  /// A Rain directive (`!Rain::Embed`, `Rain::Module`): a source for `rain pkg`, not a template.
  public static let rainSource = Self(rawValue: "E0020")
}

/// Something worth saying about a template that was still read: a file over CloudFormation's
/// 1 MB limit, for example.
public struct TemplateWarning: Sendable, Hashable, CustomStringConvertible {
  public var id: String
  public var message: String
  public var location: SourceLocation

  public init(id: String, message: String, at location: SourceLocation) {
    self.id = id
    self.message = message
    self.location = location
  }

  public var description: String {
    "\(location): warning \(id): \(message)".escapingControlCharacters
  }
}
