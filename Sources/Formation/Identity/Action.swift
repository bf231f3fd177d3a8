import Template

/// An IAM action, `service:Action` (wildcards allowed: `s3:Get*`).
///
/// Written as a string literal (`"s3:GetObject"`) and checked at render time: an action that
/// is not `service:Action` shaped is an error at the statement's blueprint line, because IAM
/// would only reject it when the stack deploys.
public struct Action: Hashable, Sendable, ExpressibleByStringLiteral, ValueConvertible, Comparable {
  public var rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var value: Value { .string(rawValue) }

  /// True for `service:Action` with a lowercase service prefix and a non-empty action.
  public var isWellFormed: Bool {
    let parts = rawValue.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let service = parts.first, let action = parts.last else { return false }
    let serviceOK =
      !service.isEmpty && service.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
    let actionOK =
      !action.isEmpty && action.allSatisfy { $0.isLetter || $0.isNumber || $0 == "*" || $0 == "?" }
    return serviceOK && actionOK
  }

  /// The service prefix, `s3` for `s3:GetObject`.
  public var service: String { String(rawValue.prefix { $0 != ":" }) }

  public static func < (lhs: Action, rhs: Action) -> Bool { lhs.rawValue < rhs.rawValue }
}
