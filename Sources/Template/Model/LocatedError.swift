/// An error a person can act on: where it is, a stable id, and a sentence that says what to do.
///
/// Reading a template, rendering a blueprint and reading a configuration file fail in the same
/// shape and print the same way, `file:line:column: error ID: message`, so every command's
/// errors read alike and tools can match them by id. `Domain` keeps each family's ids apart:
/// a `TemplateError` cannot be made with a render id.
public struct LocatedError<Domain: ErrorDomain>: Error, Sendable, Hashable, CustomStringConvertible {
  public typealias ID = ErrorID<Domain>

  public var id: ID
  public var message: String
  public var location: SourceLocation

  public init(_ id: ID, _ message: String, at location: SourceLocation) {
    self.id = id
    self.message = message
    self.location = location
  }

  /// `file:line:column: error ID: message`.
  /// One line; the file name and message may quote the input, so control characters in
  /// them are escaped.
  public var description: String {
    "\(location): error \(id.rawValue): \(message)".escapingControlCharacters
  }
}

/// A family of errors with ids of its own (`E0001` for reading, `R001` for rendering).
public protocol ErrorDomain: Sendable {}

/// The stable identifier of an error of one family; each family declares its ids as static
/// members in an extension.
public struct ErrorID<Domain: ErrorDomain>: RawRepresentable, Hashable, Sendable,
  CustomStringConvertible
{
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
}
