import Template

/// One possible value of a template value, after resolving its intrinsic functions.
///
/// A value resolves to several of these when it goes through `Fn::If` (one per branch, each
/// carrying the branch it assumes). Lists and mappings are kept as written: ask the
/// resolver for their elements or members, which resolves one level further and keeps the
/// assumptions made so far.
public struct Resolved: Sendable, Hashable {
  public enum Shape: Sendable, Hashable {
    /// No value: `!Ref AWS::NoValue`, or a property that is not there.
    case absent
    case null
    /// A string, possibly with symbolic or unknown parts. Numbers and booleans used inside
    /// `Fn::Sub`/`Fn::Join` become text.
    case string(SymbolicString)
    case number(Number)
    case bool(Bool)
    /// A list; elements not yet resolved.
    case list([Value])
    /// A mapping; members not yet resolved.
    case map(OrderedMap<Value>)
    /// The template cannot determine the value; the reason says why (an import, a parameter
    /// with no default, a `Fn::FindInMap` whose key is only known at deploy time).
    case unknown(String)
  }

  public var shape: Shape
  /// The `Fn::If` branches this possibility depends on; empty when it holds in every branch.
  public var assumptions: Assumptions
  /// Parameters whose `Default` was used: the value is "known by default" and a deployer can
  /// override it.
  public var parameters: [String]
  /// Where the value (or the function that produced it) was written.
  public var location: SourceLocation?

  public init(
    _ shape: Shape, assumptions: Assumptions = .always, parameters: [String] = [],
    location: SourceLocation? = nil
  ) {
    self.shape = shape
    self.assumptions = assumptions
    self.parameters = parameters
    self.location = location
  }

  public var isAbsent: Bool {
    if case .absent = shape { return true }
    return false
  }

  /// The string (literal or symbolic), when the value is one.
  public var string: SymbolicString? {
    if case .string(let string) = shape { return string }
    return nil
  }

  /// The literal text, when the value is a string with no symbolic part.
  public var literal: String? { string?.literal }

  public var list: [Value]? {
    if case .list(let list) = shape { return list }
    return nil
  }

  public var map: OrderedMap<Value>? {
    if case .map(let map) = shape { return map }
    return nil
  }

  public var bool: Bool? {
    switch shape {
    case .bool(let bool): return bool
    case .string(let string):
      switch string.literal?.lowercased() {
      case "true": return true
      case "false": return false
      default: return nil
      }
    default: return nil
    }
  }

  /// Why the value is unknown: the whole value's reason, or those of its unknown parts.
  public var unknownReasons: [String] {
    switch shape {
    case .unknown(let reason): return [reason]
    case .string(let string): return string.unknownReasons
    default: return []
    }
  }

  public var isUnknown: Bool { !unknownReasons.isEmpty }

  /// `when condition IsProd is false`, or empty: ready to append to a finding's message.
  public var branchDescription: String { assumptions.description }
}

extension Resolved {
  /// The scalar as text: a literal string, a number, a boolean.
  public var text: String? {
    switch shape {
    case .string(let string): return string.literal
    case .number(let number): return number.literal
    case .bool(let bool): return bool ? "true" : "false"
    default: return nil
    }
  }
}
