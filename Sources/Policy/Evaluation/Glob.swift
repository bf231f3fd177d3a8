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
  static let partitions = [
    "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
  ]

  /// Pseudo parameters whose value a literal pattern may stand for without doubt: a statement
  /// written with `${AWS::Partition}` matches `arn:aws:...`. Others (`AWS::AccountId`,
  /// `AWS::Region`) may or may not equal the literal, so they answer maybe.
  static let wildcardPseudoParameters: Set<String> = ["AWS::Partition", "AWS::URLSuffix"]

  // MARK: - Literal matching

  static func hasVariable(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") { return true }
      previous = byte
    }
    return false
  }

  /// Classic wildcard matching with single-star backtracking: linear in practice, no allocation.
  static func literalMatch(_ pattern: String, _ subject: String, ignoringCase: Bool) -> Bool {
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

  static func lower(_ bytes: inout [UInt8]) {
    for index in bytes.indices where bytes[index] >= 65 && bytes[index] <= 90 { bytes[index] += 32 }
  }

  // MARK: - Symbolic matching

  enum Atom: Sendable, Hashable {
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
  struct Compiled: Sendable, Hashable {
    var atoms: [Atom]
    var reasons: [String]
    /// Per atom: for bytes of a known name and for `.name` symbols, a tag of the resource they
    /// name (see `origin(of:)`); 0 otherwise.
    var origins: [Int32]

    init(_ string: SymbolicString, isPattern: Bool, ignoringCase: Bool, covering: Bool = false) {
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
  static func origin(of resource: String) -> Int32 {
    Int32(truncatingIfNeeded: resource.hashValue) | 1
  }

  /// The tag of imported values: another stack's export is never a resource of this template
  /// (a stack cannot import its own exports), so it differs from every known name. Even, so no
  /// resource tag (always odd) equals it.
  static let importOrigin: Int32 = 2

  /// Whether a name symbol and a byte of a known name come from different resources: then the
  /// byte cannot be part of the symbol's name.
  @inline(__always)
  static func differentNames(_ lhs: Int32, _ rhs: Int32) -> Bool {
    lhs != 0 && rhs != 0 && lhs != rhs
  }

  /// A subject compiled on first use, with its `${AWS::Partition}` variants (only compiled when a
  /// pattern does not match the subject as it is). A class, so one question asked of many
  /// statements compiles once.
  final class Subject: @unchecked Sendable {
    let string: SymbolicString
    let ignoringCase: Bool
    let covering: Bool
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

    init(_ string: SymbolicString, ignoringCase: Bool, covering: Bool = false) {
      self.string = string
      self.ignoringCase = ignoringCase
      self.covering = covering
    }
  }

  static func match(_ pattern: Compiled, _ subject: Subject) -> Match {
    var result = run(pattern, subject.base)
    // Only a maybe can become a yes by spelling the partition out; a no fails elsewhere.
    if case .maybe = result {
      for variant in subject.partitions {
        result = result.or(run(pattern, variant))
        if result.isYes { break }
      }
    }
    return result
  }

  /// Dynamic programming over (pattern position, subject position), from the end; each cell is
  /// the best answer (0 no, 1 maybe, 2 yes) for matching the rest of the pattern against the
  /// rest of the subject, with the atom that made it a maybe.
  static func run(_ pattern: Compiled, _ subject: Compiled) -> Match {
    let p = pattern.atoms
    let s = subject.atoms
    let po = pattern.origins
    let so = subject.origins
    let m = p.count
    let n = s.count
    let width = n + 1
    var rank = [UInt8](repeating: 0, count: (m + 1) * width)
    // Why a cell is maybe: k + 1 for pattern atom k, -(k + 1) for subject atom k.
    var why = [Int32](repeating: 0, count: (m + 1) * width)
    rank[m * width + n] = 2
    let colon = UInt8(ascii: ":")

    for i in stride(from: m, through: 0, by: -1) {
      for j in stride(from: n, through: 0, by: -1) where !(i == m && j == n) {
        var bestRank: UInt8 = 0
        var bestWhy: Int32 = 0
        func offer(_ i2: Int, _ j2: Int, cap: UInt8 = 2, because: Int32 = 0) {
          var r = rank[i2 * width + j2]
          var w = why[i2 * width + j2]
          if cap < r {
            r = cap
            w = because
          }
          if r > bestRank {
            bestRank = r
            bestWhy = w
          }
        }
        let pWhy = Int32(i + 1)
        let sWhy = Int32(-(j + 1))
        var patternIsStarLike = false
        if i < m {
          switch p[i] {
          case .star:
            patternIsStarLike = true
            offer(i + 1, j)
            if j < n { offer(i, j + 1) }
          case .unknown:
            patternIsStarLike = true
            offer(i + 1, j, cap: 1, because: pWhy)
            if j < n { offer(i, j + 1, cap: 1, because: pWhy) }
          case .symbol(let symbol):
            if case .pseudo(let name) = symbol {
              let certainty: UInt8 = wildcardPseudoParameters.contains(name) ? 2 : 1
              offer(i + 1, j)
              if j < n {
                switch s[j] {
                case .byte(let c) where c != colon: offer(i, j + 1, cap: certainty, because: pWhy)
                case .symbol(let other):
                  let answer = symbolMatch(symbol, other)
                  offer(i + 1, j + 1, cap: answer, because: sWhy)
                case .unknown: offer(i + 1, j + 1, cap: 1, because: sWhy)
                case .any:
                  offer(i, j + 1)
                  offer(i + 1, j + 1)
                default: break
                }
              }
            } else if j < n {
              switch s[j] {
              case .symbol(let other):
                offer(i + 1, j + 1, cap: symbolMatch(symbol, other), because: sWhy)
              case .byte(let c)
              where (c != colon || symbol.mayContainColon) && !differentNames(po[i], so[j]):
                offer(i, j + 1, cap: 1, because: pWhy)
                offer(i + 1, j + 1, cap: 1, because: pWhy)
              case .unknown: offer(i + 1, j + 1, cap: 1, because: sWhy)
              case .any:
                offer(i + 1, j + 1)
                offer(i + 1, j)
              default: break
              }
            }
          case .byte(let a):
            if j < n {
              switch s[j] {
              case .byte(let b): if a == b { offer(i + 1, j + 1) }
              case .any:
                offer(i + 1, j + 1)
                offer(i + 1, j)
              case .symbol(let symbol):
                if a != colon || symbol.mayContainColon, !differentNames(po[i], so[j]) {
                  offer(i + 1, j + 1, cap: 1, because: sWhy)
                }
              case .unknown:
                offer(i + 1, j + 1, cap: 1, because: sWhy)
                offer(i + 1, j, cap: 1, because: sWhy)
              default: break
              }
            }
          case .question:
            if j < n {
              switch s[j] {
              case .byte: offer(i + 1, j + 1)
              case .any:
                offer(i + 1, j + 1)
                offer(i + 1, j)
              case .symbol: offer(i + 1, j + 1, cap: 1, because: sWhy)
              case .unknown:
                offer(i + 1, j + 1, cap: 1, because: sWhy)
                offer(i + 1, j, cap: 1, because: sWhy)
              default: break
              }
            }
          case .any, .opaque: break
          }
        }
        if j < n, !patternIsStarLike {
          // Subject atoms that may produce text of any length.
          switch s[j] {
          case .any: offer(i, j + 1)
          case .unknown: offer(i, j + 1, cap: 1, because: sWhy)
          case .symbol(let symbol) where i < m:
            switch p[i] {
            case .byte(let c)
            where (c == colon && !symbol.mayContainColon) || differentNames(po[i], so[j]): break
            case .symbol: break
            default: offer(i + 1, j, cap: 1, because: sWhy)
            }
          default: break
          }
        }
        rank[i * width + j] = bestRank
        why[i * width + j] = bestWhy
      }
    }
    switch rank[0] {
    case 2: return .yes
    case 0: return .no
    default: return .maybe(reason(why[0], pattern, subject))
    }
  }

  private static func reason(_ code: Int32, _ pattern: Compiled, _ subject: Compiled) -> String {
    let atom: Atom
    let reasons: [String]
    if code > 0 {
      atom = pattern.atoms[Int(code) - 1]
      reasons = pattern.reasons
    } else if code < 0 {
      atom = subject.atoms[Int(-code) - 1]
      reasons = subject.reasons
    } else {
      return "part of the value is only known at deploy time"
    }
    switch atom {
    case .unknown(let index): return reasons[index]
    case .symbol(.pseudo(let name)): return "\(name) is only known at deploy time"
    case .symbol(.imported(let export)): return Resolver.importReason(export)
    case .symbol(let symbol): return "\(symbol) is only known at deploy time"
    default: return "part of the value is only known at deploy time"
    }
  }

  /// 2 for the same symbol, 1 for two spellings of one resource, 0 otherwise.
  static func symbolMatch(_ lhs: Symbol, _ rhs: Symbol) -> UInt8 {
    if lhs == rhs { return 2 }
    if let a = lhs.logicalID, let b = rhs.logicalID, a == b { return 1 }
    return 0
  }
}
