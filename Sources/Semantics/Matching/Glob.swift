/// IAM-style glob matching (`*` any run, `?` one character) of a pattern against a subject,
/// both possibly symbolic.
///
/// The rules, which keep the answer honest rather than optimistic:
/// - the same symbol on both sides matches; symbols of different resources do not;
/// - `${AWS::Partition}` and `${AWS::URLSuffix}` in a pattern match any text without `:`; other
///   pseudo parameters (`${AWS::AccountId}`) against literal text answer maybe;
/// - a subject with `${AWS::Partition}` matches when it would in some partition;
/// - a resource symbol against literal text, or anything against an unknown part, is maybe;
/// - `.any` in the subject ("some object key") matches whatever the pattern wants there;
/// - names and pseudo parameters never contain `:`, so ARN fields cannot bleed into each other;
/// - an imported value is never the name of a resource of this template.
///
/// Text is compared byte by byte in UTF-8 (`?` matches one byte): ARNs and actions are ASCII.
/// Patterns and subjects can be compiled once (`Glob.Compiled`) and matched many times.
public enum Glob {
  /// Matches `pattern` against `subject`. `ignoringCase` is for actions (IAM compares them
  /// case-insensitively); resources are case-sensitive.
  public static func match(
    _ pattern: SymbolicString, _ subject: SymbolicString, ignoringCase: Bool = false
  )
    -> Match
  {
    if let p = pattern.literal, let s = subject.literal, !hasVariable(p) {
      return literalMatch(p, s, ignoringCase: ignoringCase) ? .yes : .no
    }
    return match(
      Compiled(pattern, isPattern: true, ignoringCase: ignoringCase),
      Subject(subject, ignoringCase: ignoringCase))
  }

  /// Matches a literal pattern against a literal subject (the common case for actions).
  public static func match(_ pattern: String, _ subject: String, ignoringCase: Bool = false) -> Bool
  {
    if hasVariable(pattern) {
      return match(SymbolicString(pattern), SymbolicString(subject), ignoringCase: ignoringCase)
        == .yes
    }
    return literalMatch(pattern, subject, ignoringCase: ignoringCase)
  }

  /// Whether `pattern` matches every string `subject` stands for: `.any` in the subject must be
  /// covered by a `*` of the pattern. `NotResource` needs this ("some object of this bucket is
  /// outside `NotResource`" is the negation of "the pattern covers all of them").
  public static func covers(_ pattern: SymbolicString, _ subject: SymbolicString) -> Match {
    match(
      Compiled(pattern, isPattern: true, ignoringCase: false),
      Subject(subject, ignoringCase: false, covering: true))
  }

  /// The AWS partitions, for `${AWS::Partition}` in questions.
  package static let partitions = [
    "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
  ]

  /// Pseudo parameters whose value a literal pattern may stand for without doubt: a statement
  /// written with `${AWS::Partition}` matches `arn:aws:...`. Others (`AWS::AccountId`,
  /// `AWS::Region`) may or may not equal the literal, so they answer maybe.
  package static let wildcardPseudoParameters: Set<String> = ["AWS::Partition", "AWS::URLSuffix"]

  // MARK: - Literal matching

  package static func hasVariable(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") { return true }
      previous = byte
    }
    return false
  }

  /// Classic wildcard matching with single-star backtracking: linear in practice, no allocation.
  package static func literalMatch(_ pattern: String, _ subject: String, ignoringCase: Bool) -> Bool {
    // Native strings are contiguous UTF-8: matched where they are stored, lower-casing byte by
    // byte, rather than copied into two arrays per question (the IAM evaluator asks many).
    var pattern = pattern
    var subject = subject
    return pattern.withUTF8 { p in
      subject.withUTF8 { s in literalMatch(p, s, ignoringCase: ignoringCase) }
    }
  }

  private static func literalMatch(
    _ p: UnsafeBufferPointer<UInt8>, _ s: UnsafeBufferPointer<UInt8>, ignoringCase: Bool
  ) -> Bool {
    @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
      ignoringCase && byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
    var i = 0
    var j = 0
    var star = -1
    var mark = 0
    let asterisk = UInt8(ascii: "*")
    let question = UInt8(ascii: "?")
    while j < s.count {
      if i < p.count, p[i] == question || (p[i] != asterisk && fold(p[i]) == fold(s[j])) {
        i += 1
        j += 1
      } else if i < p.count, p[i] == asterisk {
        star = i
        mark = j
        i += 1
      } else if star >= 0 {
        i = star + 1
        mark += 1
        j = mark
      } else {
        return false
      }
    }
    while i < p.count, p[i] == asterisk { i += 1 }
    return i == p.count
  }

  package static func lower(_ bytes: inout [UInt8]) {
    for index in bytes.indices where bytes[index] >= 65 && bytes[index] <= 90 { bytes[index] += 32 }
  }

  // MARK: - Symbolic matching

  package enum Atom: Sendable, Hashable {
    case byte(UInt8)
    case star
    case question
    case symbol(Symbol)
    /// An unknown part; the payload indexes `Compiled.reasons`.
    case unknown(Int)
    case any
    /// Arbitrary text that only `*` (or an unknown part) can be sure to match: `.any` in `covers`.
    case opaque
  }

  /// A pattern or subject broken into atoms once, for matching many times.
  package struct Compiled: Sendable, Hashable {
    package var atoms: [Atom]
    package var reasons: [String]
    /// Per atom: for bytes of a known name and for `.name` symbols, a tag of the resource they
    /// name (see `origin(of:)`); 0 otherwise.
    package var origins: [Int32]

    package init(_ string: SymbolicString, isPattern: Bool, ignoringCase: Bool, covering: Bool = false) {
      var atoms: [Atom] = []
      var reasons: [String] = []
      var origins: [Int32] = []
      // One atom per byte of text, one per other part: sized once instead of grown byte by byte.
      var capacity = 0
      for part in string.parts {
        switch part {
        case .text(let text), .known(let text, _): capacity += text.utf8.count
        default: capacity += 1
        }
      }
      atoms.reserveCapacity(capacity)
      origins.reserveCapacity(capacity)
      for part in string.parts {
        var origin: Int32 = 0
        switch part {
        case .text(let text), .known(let text, _):
          if case .known(_, let resource) = part { origin = Glob.origin(of: resource) }
          var bytes = Array(text.utf8)
          if ignoringCase { Glob.lower(&bytes) }
          var index = 0
          while index < bytes.count {
            let byte = bytes[index]
            if isPattern, byte == UInt8(ascii: "$"), index + 1 < bytes.count,
              bytes[index + 1] == UInt8(ascii: "{"),
              let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            {
              let variable = String(decoding: bytes[index...close], as: UTF8.self)
              reasons.append("the policy variable \(variable) depends on the request")
              atoms.append(.unknown(reasons.count - 1))
              index = close + 1
              continue
            }
            if isPattern, byte == UInt8(ascii: "*"), origin == 0 {
              atoms.append(.star)
            } else if isPattern, byte == UInt8(ascii: "?"), origin == 0 {
              atoms.append(.question)
            } else {
              atoms.append(.byte(byte))
            }
            index += 1
          }
        case .symbol(let symbol):
          atoms.append(.symbol(symbol))
          if case .name(let resource) = symbol { origin = Glob.origin(of: resource) }
          if case .imported = symbol { origin = Glob.importOrigin }
        case .unknown(let reason):
          reasons.append(reason)
          atoms.append(.unknown(reasons.count - 1))
        case .any: atoms.append(isPattern ? .star : (covering ? .opaque : .any))
        }
        while origins.count < atoms.count { origins.append(origin) }
      }
      self.atoms = atoms
      self.reasons = reasons
      self.origins = origins
    }
  }

  /// A non-zero tag for a resource's logical id; two tags differ for different resources
  /// (up to a hash collision, which only turns a "no" into a "maybe").
  package static func origin(of resource: String) -> Int32 {
    Int32(truncatingIfNeeded: resource.hashValue) | 1
  }

  /// The tag of imported values: another stack's export is never a resource of this template
  /// (a stack cannot import its own exports), so it differs from every known name. Even, so no
  /// resource tag (always odd) equals it.
  package static let importOrigin: Int32 = 2

  /// Whether a name symbol and a byte of a known name come from different resources: then the
  /// byte cannot be part of the symbol's name.
  @inline(__always)
  package static func differentNames(_ lhs: Int32, _ rhs: Int32) -> Bool {
    lhs != 0 && rhs != 0 && lhs != rhs
  }

  /// A subject compiled on first use, with its `${AWS::Partition}` variants (only compiled when a
  /// pattern does not match the subject as it is). A class, so one question asked of many
  /// statements compiles once.
  package final class Subject: @unchecked Sendable {
    package let string: SymbolicString
    package let ignoringCase: Bool
    package let covering: Bool
    private(set) lazy var base = Compiled(
      string, isPattern: false, ignoringCase: ignoringCase, covering: covering)
    private(set) lazy var partitions: [Compiled] = {
      let partition = SymbolicString.Part.symbol(.pseudo("AWS::Partition"))
      guard string.parts.contains(partition) else { return [] }
      return Glob.partitions.map { name in
        Compiled(
          SymbolicString(string.parts.map { $0 == partition ? .text(name) : $0 }), isPattern: false,
          ignoringCase: ignoringCase, covering: covering)
      }
    }()

    package init(_ string: SymbolicString, ignoringCase: Bool, covering: Bool = false) {
      self.string = string
      self.ignoringCase = ignoringCase
      self.covering = covering
    }
  }

  package static func match(_ pattern: Compiled, _ subject: Subject) -> Match {
    var result = Matcher.answer(pattern, subject.base)
    // Only a maybe can become a yes by spelling the partition out; a no fails elsewhere.
    if case .maybe = result {
      for variant in subject.partitions {
        result = result.or(Matcher.answer(pattern, variant))
        if result.isYes { break }
      }
    }
    return result
  }

  /// Yes for the same symbol, maybe for two spellings of one resource, no otherwise.
  package static func symbolMatch(_ lhs: Symbol, _ rhs: Symbol) -> Certainty {
    if lhs == rhs { return .yes }
    if let a = lhs.logicalID, let b = rhs.logicalID, a == b { return .maybe }
    return .no
  }
}
