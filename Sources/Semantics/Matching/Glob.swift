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
    // Native strings are contiguous UTF-8: matched where they are stored, lower-cased byte by
    // byte as they are compared.
    var pattern = pattern
    var subject = subject
    return pattern.withUTF8 { p in
      subject.withUTF8 { s in literalMatch(p, s, ignoringCase: ignoringCase) }
    }
  }

  /// `*` and `?` against literal text. On a mismatch after a `*`, the star takes one more byte
  /// of the subject and matching resumes after it: only the last star is ever revisited, since
  /// an earlier one could only take text the later one can take too.
  private static func literalMatch(
    _ pattern: UnsafeBufferPointer<UInt8>, _ subject: UnsafeBufferPointer<UInt8>,
    ignoringCase: Bool
  ) -> Bool {
    @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
      ignoringCase && byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
    let asterisk = UInt8(ascii: "*")
    let question = UInt8(ascii: "?")
    var patternPosition = 0
    var subjectPosition = 0
    /// The last `*` met, and the subject position its match ends at so far.
    var lastStar: (pattern: Int, subjectEnd: Int)?
    while subjectPosition < subject.count {
      let element = patternPosition < pattern.count ? pattern[patternPosition] : nil
      if let element, element == question
        || (element != asterisk && fold(element) == fold(subject[subjectPosition]))
      {
        patternPosition += 1
        subjectPosition += 1
      } else if element == asterisk {
        lastStar = (patternPosition, subjectPosition)
        patternPosition += 1
      } else if let star = lastStar {
        lastStar = (star.pattern, star.subjectEnd + 1)
        patternPosition = star.pattern + 1
        subjectPosition = star.subjectEnd + 1
      } else {
        return false
      }
    }
    while patternPosition < pattern.count, pattern[patternPosition] == asterisk {
      patternPosition += 1
    }
    return patternPosition == pattern.count
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
    /// Per atom: the resource whose name the atom is part of, for bytes of a known name and for
    /// `.name` symbols.
    package var origins: [NameOrigin]

    package init(_ string: SymbolicString, isPattern: Bool, ignoringCase: Bool, covering: Bool = false) {
      var atoms: [Atom] = []
      var reasons: [String] = []
      var origins: [NameOrigin] = []
      // One atom per byte of text, one per other part.
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
        var origin = NameOrigin.unknown
        switch part {
        case .text(let text), .known(let text, _):
          if case .known(_, let resource) = part { origin = .resource(resource.hashValue) }
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
            if isPattern, byte == UInt8(ascii: "*"), origin == .unknown {
              atoms.append(.star)
            } else if isPattern, byte == UInt8(ascii: "?"), origin == .unknown {
              atoms.append(.question)
            } else {
              atoms.append(.byte(byte))
            }
            index += 1
          }
        case .symbol(let symbol):
          atoms.append(.symbol(symbol))
          if case .name(let resource) = symbol { origin = .resource(resource.hashValue) }
          if case .imported = symbol { origin = .imported }
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

  /// The resource whose name a piece of text is (or is part of), when the resolver knows it:
  /// text of one resource's name cannot be part of another's.
  package enum NameOrigin: Sendable, Hashable {
    case unknown
    /// A resource of this template, by the hash of its logical id (a collision only turns a
    /// "no" into a "maybe").
    case resource(Int)
    /// Another stack's export: never the name of a resource of this template (a stack cannot
    /// import its own exports).
    case imported

    /// Whether both are known and differ: then one cannot be part of the other's name.
    @inline(__always)
    package func excludes(_ other: NameOrigin) -> Bool {
      self != .unknown && other != .unknown && self != other
    }
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
