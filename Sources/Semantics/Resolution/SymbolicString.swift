/// A string as far as the template determines it: literal text with symbolic parts where
/// the value is only known at deploy time.
///
/// `arn:${AWS::Partition}:s3:::${RawBucket}/*` resolves to the text `arn:`, the pseudo
/// parameter `AWS::Partition`, the text `:s3:::`, the reference to `RawBucket` and the text
/// `/*`. Keeping the reference symbolic (rather than guessing a name) is what lets a rule
/// say "this statement grants access to the objects of the bucket RawBucket".
public struct SymbolicString: Sendable, Hashable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public enum Part: Sendable, Hashable {
    /// Literal text. In a policy pattern, `*` and `?` in it are wildcards.
    case text(String)
    /// A value known only at deploy time, but known to be one thing (a resource's name, a region).
    case symbol(Symbol)
    /// A part the template cannot determine (an import, a parameter without a default); the reason says why.
    case unknown(String)
    /// Any text at all, chosen by whoever asks: "some object of this bucket" is the bucket's
    /// ARN, `/`, and `.any`. Only used in questions, never produced by the resolver.
    case any
    /// Literal text that is the physical name of a resource of the template, spelled out from
    /// its name property (`genexomics-raw` of `RawBucket`). It reads as text, but matching
    /// remembers whose name it is: two resources never share a physical name, so the name of
    /// `RawBucket` cannot be the generated name of `WorkBucket`.
    case known(String, resource: String)
  }

  public var parts: [Part]

  public init(_ parts: [Part]) {
    // Parts built from pieces are usually normal already (no empty or adjacent text): keep them.
    var isNormal = true
    var previousIsText = false
    for part in parts {
      guard case .text(let text) = part else {
        previousIsText = false
        continue
      }
      if text.isEmpty || previousIsText {
        isNormal = false
        break
      }
      previousIsText = true
    }
    if isNormal {
      self.parts = parts
      return
    }
    var normalized: [Part] = []
    normalized.reserveCapacity(parts.count)
    for part in parts {
      if case .text(let text) = part {
        if text.isEmpty { continue }
        if case .text(let previous) = normalized.last {
          normalized[normalized.count - 1] = .text(previous + text)
          continue
        }
      }
      normalized.append(part)
    }
    self.parts = normalized
  }

  /// Plain text: one part, or none for the empty string (what `init(_:)` with parts makes of it,
  /// without building the list twice).
  public init(_ text: String) { parts = text.isEmpty ? [] : [.text(text)] }
  public init(stringLiteral value: String) { self.init(value) }
  public init(symbol: Symbol) { parts = [.symbol(symbol)] }

  /// The string, when it is plain text (known names included).
  public var literal: String? {
    if parts.isEmpty { return "" }
    if parts.count == 1, case .text(let text) = parts[0] { return text }
    var result = ""
    for part in parts {
      switch part {
      case .text(let text), .known(let text, _): result += text
      default: return nil
      }
    }
    return result
  }

  /// The symbol, when the whole string is exactly one (`!Ref Key`, `!GetAtt Key.Arn`).
  public var symbol: Symbol? {
    if parts.count == 1, case .symbol(let symbol) = parts[0] { return symbol }
    return nil
  }

  /// The logical id of the resource the whole string refers to, with the attribute for
  /// `Fn::GetAtt` (`nil` for `Ref`): "this is the Arn of resource Key".
  public var resourceReference: (logicalID: String, attribute: String?)? {
    switch symbol {
    case .ref(let id), .name(let id): return (id, nil)
    case .attribute(let id, let attribute): return (id, attribute)
    default: return nil
    }
  }

  /// The reasons of the unknown parts, in order; empty when everything is known or symbolic.
  public var unknownReasons: [String] {
    parts.compactMap { if case .unknown(let reason) = $0 { reason } else { nil } }
  }

  public var isFullyKnown: Bool { unknownReasons.isEmpty }

  /// The logical ids of every resource the string mentions.
  public var referencedResources: [String] {
    parts.compactMap {
      guard case .symbol(let symbol) = $0 else { return nil }
      return symbol.logicalID
    }
  }

  /// Whether some literal text part contains `fragment`, ignoring case: a bucket name built as
  /// `${AWS::StackName}-raw` contains `-raw`.
  public func containsText(_ fragment: String) -> Bool {
    let needle = fragment.lowercased()
    return parts.contains {
      switch $0 {
      case .text(let text), .known(let text, _): return text.lowercased().contains(needle)
      default: return false
      }
    }
  }

  /// The string with each unknown part that is an `Fn::ImportValue` turned into an
  /// `.imported` symbol, so two references to one export are recognised as the same value.
  public var importsAsSymbols: SymbolicString {
    guard parts.contains(where: { if case .unknown = $0 { true } else { false } }) else {
      return self
    }
    return SymbolicString(
      parts.map { part in
        guard case .unknown(let reason) = part, let export = Resolver.importedExport(from: reason)
        else {
          return part
        }
        return .symbol(.imported(export))
      })
  }

  /// The export names of the imports the string contains (as `.imported` symbols).
  public var importedExports: [String] {
    parts.compactMap { if case .symbol(.imported(let export)) = $0 { export } else { nil } }
  }

  public static func + (lhs: SymbolicString, rhs: SymbolicString) -> SymbolicString {
    SymbolicString(lhs.parts + rhs.parts)
  }

  /// The string in `Fn::Sub` notation: `arn:${AWS::Partition}:s3:::${RawBucket}/*`;
  /// unknown parts print as `${?}`, `.any` as `${any}`.
  public var description: String {
    parts.map { part in
      switch part {
      case .text(let text), .known(let text, _): return text
      case .symbol(let symbol): return "${\(symbol)}"
      case .unknown: return "${?}"
      case .any: return "${any}"
      }
    }.joined()
  }
}

/// A deploy-time value the template names but does not spell out.
public enum Symbol: Sendable, Hashable, CustomStringConvertible {
  /// A pseudo parameter: `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::StackName`...
  case pseudo(String)
  /// `Ref` to a resource: what the reference returns depends on the type (a name, an ARN, an id).
  case ref(String)
  /// `Fn::GetAtt` of a resource.
  case attribute(String, String)
  /// The physical name of a resource whose name the template leaves to CloudFormation. Used
  /// when ARNs are spelled out for matching (`arn:aws:s3:::` + name of RawBucket).
  case name(String)
  /// The value of another stack's export, by export name (`Fn::ImportValue`). The IAM layer
  /// keeps imports as symbols so two references to the same export are the same value.
  case imported(String)

  /// The resource the symbol belongs to; `nil` for pseudo parameters.
  public var logicalID: String? {
    switch self {
    case .pseudo, .imported: return nil
    case .ref(let id), .name(let id), .attribute(let id, _): return id
    }
  }

  /// Whether the value may contain `:`: physical names and pseudo parameters do not; ARNs,
  /// URLs and imported values may.
  public var mayContainColon: Bool {
    switch self {
    case .name, .pseudo: return false
    case .ref, .attribute, .imported: return true
    }
  }

  /// `AWS::Region`, `RawBucket`, `RawBucket.Arn`, `RawBucket.Name`.
  public var description: String {
    switch self {
    case .pseudo(let name): return name
    case .ref(let id): return id
    case .attribute(let id, let attribute): return "\(id).\(attribute)"
    case .name(let id): return "\(id).Name"
    case .imported(let export): return "import:\(export)"
    }
  }
}
