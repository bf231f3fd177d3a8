/// The answer to "does this pattern match": yes, no, or maybe with the reason it cannot be
/// decided (a part only known at deploy time).
public enum Match: Sendable, Hashable, CustomStringConvertible {
  case no
  case maybe(String)
  case yes

  var rank: Int {
    switch self {
    case .no: 0
    case .maybe: 1
    case .yes: 2
    }
  }

  /// The weaker of two answers: both must hold.
  public func and(_ other: Match) -> Match { other.rank < rank ? other : self }
  /// The stronger of two answers: either may hold.
  public func or(_ other: Match) -> Match { other.rank > rank ? other : self }

  public var isYes: Bool { self == .yes }
  public var isNo: Bool { self == .no }

  /// Negation, for NotAction, NotResource and NotPrincipal: maybe stays maybe.
  public var negated: Match {
    switch self {
    case .no: .yes
    case .yes: .no
    case .maybe: self
    }
  }

  public var description: String {
    switch self {
    case .no: "no"
    case .yes: "yes"
    case .maybe(let reason): "maybe (\(reason))"
    }
  }
}

/// IAM-style glob matching (`*` any run, `?` one character) of a pattern against a subject,
/// both possibly symbolic.
///
/// The rules, which keep the answer honest rather than optimistic:
/// - the same symbol on both sides matches; symbols of different resources do not;
/// - a pseudo parameter in a pattern (`${AWS::Partition}`) matches any text without `:`;
/// - a resource symbol against literal text, or anything against an unknown part, is maybe;
/// - `.any` in the subject ("some object key") matches whatever the pattern wants there;
/// - no symbol contains `:`, so ARN fields cannot bleed into each other.
public enum Glob {
  /// Matches `pattern` against `subject`. `ignoringCase` is for actions (IAM compares them
  /// case-insensitively); resources are case-sensitive.
  public static func match(
    _ pattern: SymbolicString, _ subject: SymbolicString, ignoringCase: Bool = false
  ) -> Match {
    if let p = pattern.literal, let s = subject.literal, !p.contains("*"), !p.contains("?"),
      !p.contains("${")
    {
      return (ignoringCase ? p.lowercased() == s.lowercased() : p == s) ? .yes : .no
    }
    let patternAtoms = atoms(pattern, globs: true, ignoringCase: ignoringCase)
    var result = run(patternAtoms, atoms(subject, globs: false, ignoringCase: ignoringCase))
    // A question asked with ${AWS::Partition} meets patterns written for a partition: it matches
    // when it would in one of them (GeneXOmics, like most users, deploys in one).
    let partition = SymbolicString.Part.symbol(.pseudo("AWS::Partition"))
    if !result.isYes, subject.parts.contains(partition) {
      for name in partitions {
        let concrete = SymbolicString(subject.parts.map { $0 == partition ? .text(name) : $0 })
        result = result.or(
          run(patternAtoms, atoms(concrete, globs: false, ignoringCase: ignoringCase)))
        if result.isYes { break }
      }
    }
    return result
  }

  /// The AWS partitions, for `${AWS::Partition}` in questions.
  static let partitions = [
    "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
  ]

  /// Pseudo parameters whose value a literal pattern may stand for without doubt: a statement
  /// written with `${AWS::Partition}` matches `arn:aws:...`. Others (`AWS::AccountId`,
  /// `AWS::Region`) may or may not equal the literal, so they answer maybe.
  static let wildcardPseudoParameters: Set<String> = ["AWS::Partition", "AWS::URLSuffix"]

  /// Whether `pattern` matches every string `subject` stands for: `.any` in the subject must be
  /// covered by a `*` of the pattern. `NotResource` needs this ("some object of this bucket is
  /// outside `NotResource`" is the negation of "the pattern covers all of them").
  public static func covers(_ pattern: SymbolicString, _ subject: SymbolicString) -> Match {
    guard subject.parts.contains(.any) else { return match(pattern, subject) }
    let patternAtoms = atoms(pattern, globs: true, ignoringCase: false)
    let subjectAtoms = atoms(subject, globs: false, ignoringCase: false).map { atom -> Atom in
      if case .any = atom { return .opaque }
      return atom
    }
    return run(patternAtoms, subjectAtoms)
  }

  /// Matches a literal pattern against a literal subject (the common case for actions).
  public static func match(_ pattern: String, _ subject: String, ignoringCase: Bool = false) -> Bool
  {
    match(SymbolicString(pattern), SymbolicString(subject), ignoringCase: ignoringCase) == .yes
  }

  enum Atom {
    case char(Character)
    case star
    case question
    case symbol(Symbol)
    case unknown(String)
    case any
    /// Arbitrary text that only `*` (or an unknown part) can be sure to match: `.any` in `covers`.
    case opaque
  }

  static func atoms(_ string: SymbolicString, globs: Bool, ignoringCase: Bool) -> [Atom] {
    var result: [Atom] = []
    for part in string.parts {
      switch part {
      case .text(let text):
        var characters = Array(ignoringCase ? text.lowercased() : text)
        var index = 0
        while index < characters.count {
          let character = characters[index]
          if globs, character == "$", index + 1 < characters.count, characters[index + 1] == "{",
            let close = characters[index...].firstIndex(of: "}")
          {
            result.append(
              .unknown(
                "the policy variable \(String(characters[index...close])) depends on the request"))
            index = close + 1
            continue
          }
          if globs, character == "*" {
            result.append(.star)
          } else if globs, character == "?" {
            result.append(.question)
          } else {
            result.append(.char(character))
          }
          index += 1
        }
        characters.removeAll()
      case .symbol(let symbol): result.append(.symbol(symbol))
      case .unknown(let reason): result.append(.unknown(reason))
      case .any: result.append(globs ? .star : .any)
      }
    }
    return result
  }

  /// Dynamic programming over (pattern position, subject position), from the end; each cell is
  /// the best answer for matching the rest of the pattern against the rest of the subject.
  static func run(_ pattern: [Atom], _ subject: [Atom]) -> Match {
    let m = pattern.count
    let n = subject.count
    let width = n + 1
    var table = [Match](repeating: .no, count: (m + 1) * width)
    func at(_ i: Int, _ j: Int) -> Match { table[i * width + j] }

    for i in stride(from: m, through: 0, by: -1) {
      for j in stride(from: n, through: 0, by: -1) {
        var best = Match.no
        if i == m && j == n {
          table[i * width + j] = .yes
          continue
        }
        if i < m {
          switch pattern[i] {
          case .star:
            best = best.or(at(i + 1, j))
            if j < n { best = best.or(at(i, j + 1)) }
          case .unknown(let reason):
            best = best.or(at(i + 1, j).and(.maybe(reason)))
            if j < n { best = best.or(at(i, j + 1).and(.maybe(reason))) }
          case .symbol(let symbol):
            if case .pseudo(let name) = symbol {
              // Ends here, or swallows one more non-colon character of the subject.
              let certainty: Match =
                wildcardPseudoParameters.contains(name)
                ? .yes : .maybe("\(name) is only known at deploy time")
              best = best.or(at(i + 1, j))
              if j < n {
                switch subject[j] {
                case .char(let c) where c != ":": best = best.or(at(i, j + 1).and(certainty))
                case .char: break
                case .symbol(let other):
                  best = best.or(at(i + 1, j + 1).and(symbolMatch(symbol, other)))
                case .unknown(let reason): best = best.or(at(i + 1, j + 1).and(.maybe(reason)))
                case .any: best = best.or(at(i, j + 1)).or(at(i + 1, j + 1))
                case .star, .question, .opaque: break
                }
              }
            } else if j < n {
              switch subject[j] {
              case .symbol(let other):
                best = best.or(at(i + 1, j + 1).and(symbolMatch(symbol, other)))
              case .char(let c) where c != ":":
                let reason =
                  "the name of \(symbol.logicalID ?? "\(symbol)") is only known at deploy time"
                best = best.or(at(i, j + 1).and(.maybe(reason))).or(
                  at(i + 1, j + 1).and(.maybe(reason)))
              case .char: break
              case .unknown(let reason): best = best.or(at(i + 1, j + 1).and(.maybe(reason)))
              case .any: best = best.or(at(i + 1, j + 1)).or(at(i + 1, j))
              case .star, .question, .opaque: break
              }
            }
          case .char, .question, .any, .opaque:
            if j < n {
              best = best.or(
                step(pattern[i], subject[j], next: at(i + 1, j + 1), stay: at(i + 1, j)))
            }
          }
        }
        if j < n, i == m || !isStarLike(pattern[i]) {
          // Subject atoms that may produce text of any length.
          switch subject[j] {
          case .any: best = best.or(at(i, j + 1))
          case .unknown(let reason): best = best.or(at(i, j + 1).and(.maybe(reason)))
          case .symbol(let symbol) where i < m:
            if case .char(let c) = pattern[i], c == ":" { break }
            if case .symbol = pattern[i] { break }
            let reason = "\(symbol) is only known at deploy time"
            best = best.or(at(i + 1, j).and(.maybe(reason)))
          default: break
          }
        }
        table[i * width + j] = best
      }
    }
    return at(0, 0)
  }

  private static func isStarLike(_ atom: Atom) -> Bool {
    switch atom {
    case .star, .unknown: true
    default: false
    }
  }

  /// One pattern character (or `?`) against one subject atom. `next` is the answer when both
  /// advance, `stay` when the subject atom keeps producing text after this character.
  private static func step(_ pattern: Atom, _ subject: Atom, next: Match, stay: Match) -> Match {
    switch (pattern, subject) {
    case (.char(let a), .char(let b)): return a == b ? next : .no
    case (.question, .char): return next
    case (.char, .any), (.question, .any): return next.or(stay)
    case (.char(let c), .symbol(let symbol)):
      if c == ":" { return .no }
      return next.and(.maybe("\(symbol) is only known at deploy time"))
    case (.question, .symbol(let symbol)):
      return next.and(.maybe("\(symbol) is only known at deploy time"))
    case (.char, .unknown(let reason)), (.question, .unknown(let reason)):
      return next.or(stay).and(.maybe(reason))
    default: return .no
    }
  }

  static func symbolMatch(_ lhs: Symbol, _ rhs: Symbol) -> Match {
    if lhs == rhs { return .yes }
    if let a = lhs.logicalID, let b = rhs.logicalID {
      return a == b ? .maybe("\(lhs) and \(rhs) name the same resource differently") : .no
    }
    return .no
  }
}
