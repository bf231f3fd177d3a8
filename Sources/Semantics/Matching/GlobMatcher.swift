extension Glob {
  /// How sure a partial match is; ordered, so the best of several ways is the largest.
  package enum Certainty: Comparable, Sendable {
    case no, maybe, yes
  }

  /// The atom that made a partial match only a maybe, for the reason given to the user.
  package enum Cause: Sendable {
    case none
    case pattern(Int)
    case subject(Int)
  }

  /// The answer for matching the rest of the pattern (from some position) against the rest of
  /// the subject (from some position), and why it is not sure when it is a maybe.
  package struct Cell: Sendable {
    package var certainty: Certainty
    package var cause: Cause

    package static let no = Cell(certainty: .no, cause: .none)
    package static let yes = Cell(certainty: .yes, cause: .none)
  }

  /// Matches a compiled pattern against a compiled subject by dynamic programming over
  /// (pattern position, subject position), from the ends backwards.
  ///
  /// A cell only needs the row of the next pattern position and the cell to its right, so two
  /// rows of the subject's length are kept, never the whole table: memory is linear in the
  /// subject. Time is the product of the two lengths, so past `cellBudget` cells the answer is
  /// maybe, with that reason, rather than a check that runs for minutes on a crafted pattern.
  package struct Matcher {
    /// The most cells one match may compute: far above any real ARN against any real pattern
    /// (a 2,000-character pattern against a 2,000-character name is 4 million).
    package static let cellBudget = 1 << 24

    package let pattern: Compiled
    package let subject: Compiled
    /// Row `i + 1` while row `i` is computed.
    private var next: [Cell]
    /// Row `i`, filled from the end.
    private var current: [Cell]
    /// The best way found so far for the cell being computed.
    private var best = Cell.no
    private var i = 0
    private var j = 0

    /// The answer for `pattern` against `subject`.
    package static func answer(_ pattern: Compiled, _ subject: Compiled) -> Match {
      var matcher = Matcher(pattern, subject)
      return matcher.answer()
    }

    private init(_ pattern: Compiled, _ subject: Compiled) {
      self.pattern = pattern
      self.subject = subject
      next = []
      current = []
    }

    private var m: Int { pattern.atoms.count }
    private var n: Int { subject.atoms.count }

    private mutating func answer() -> Match {
      let cells = (m + 1).multipliedReportingOverflow(by: n + 1)
      if cells.overflow || cells.partialValue > Self.cellBudget {
        return .maybe(
          "the pattern (\(m) characters) and the value (\(n) characters) are too long to compare")
      }
      next = [Cell](repeating: .no, count: n + 1)
      current = next
      for row in stride(from: m, through: 0, by: -1) {
        i = row
        for column in stride(from: n, through: 0, by: -1) {
          j = column
          current[j] = row == m && column == n ? .yes : cell()
        }
        swap(&next, &current)
      }
      let first = next[0]
      switch first.certainty {
      case .yes: return .yes
      case .no: return .no
      case .maybe: return .maybe(reason(first.cause))
      }
    }

    /// The best way to match from pattern position `i` and subject position `j`.
    private mutating func cell() -> Cell {
      best = .no
      var patternStretches = false
      if i < m {
        switch pattern.atoms[i] {
        case .star:
          star()
          patternStretches = true
        case .unknown:
          unknownInPattern()
          patternStretches = true
        case .symbol(let symbol):
          if case .pseudo(let name) = symbol {
            pseudoParameter(symbol, named: name)
          } else {
            resourceSymbol(symbol)
          }
        case .byte(let byte): self.byte(byte)
        case .question: question()
        case .any, .opaque: break
        }
      }
      if j < n, !patternStretches { stretchingSubject() }
      return best
    }

    // MARK: - One step per pattern element

    /// `*`: matches nothing more, or one more subject atom and stays.
    private mutating func star() {
      offer(i + 1, j)
      if j < n { offer(i, j + 1) }
    }

    /// A part of the pattern only known at deploy time (a policy variable): like `*`, but only
    /// ever a maybe.
    private mutating func unknownInPattern() {
      let because = Cause.pattern(i)
      offer(i + 1, j, cap: .maybe, because: because)
      if j < n { offer(i, j + 1, cap: .maybe, because: because) }
    }

    /// A pseudo parameter in the pattern: it stands for text without `:`, surely for the
    /// partition and URL suffix, perhaps for the others.
    private mutating func pseudoParameter(_ symbol: Symbol, named name: String) {
      let certainty: Certainty = wildcardPseudoParameters.contains(name) ? .yes : .maybe
      offer(i + 1, j)
      guard j < n else { return }
      switch subject.atoms[j] {
      case .byte(let c) where c != colon: offer(i, j + 1, cap: certainty, because: .pattern(i))
      case .symbol(let other): offer(i + 1, j + 1, cap: symbolMatch(symbol, other), because: .subject(j))
      case .unknown: offer(i + 1, j + 1, cap: .maybe, because: .subject(j))
      case .any:
        offer(i, j + 1)
        offer(i + 1, j + 1)
      default: break
      }
    }

    /// A resource's name, id or attribute in the pattern: the same symbol matches; literal text
    /// of the same (or an unknown) resource might be its value.
    private mutating func resourceSymbol(_ symbol: Symbol) {
      guard j < n else { return }
      switch subject.atoms[j] {
      case .symbol(let other): offer(i + 1, j + 1, cap: symbolMatch(symbol, other), because: .subject(j))
      case .byte(let c)
      where (c != colon || symbol.mayContainColon) && !pattern.origins[i].excludes(subject.origins[j]):
        offer(i, j + 1, cap: .maybe, because: .pattern(i))
        offer(i + 1, j + 1, cap: .maybe, because: .pattern(i))
      case .unknown: offer(i + 1, j + 1, cap: .maybe, because: .subject(j))
      case .any:
        offer(i + 1, j + 1)
        offer(i + 1, j)
      default: break
      }
    }

    /// A literal byte of the pattern.
    private mutating func byte(_ byte: UInt8) {
      guard j < n else { return }
      switch subject.atoms[j] {
      case .byte(let other): if byte == other { offer(i + 1, j + 1) }
      case .any:
        offer(i + 1, j + 1)
        offer(i + 1, j)
      case .symbol(let symbol):
        if byte != colon || symbol.mayContainColon,
          !pattern.origins[i].excludes(subject.origins[j])
        {
          offer(i + 1, j + 1, cap: .maybe, because: .subject(j))
        }
      case .unknown:
        offer(i + 1, j + 1, cap: .maybe, because: .subject(j))
        offer(i + 1, j, cap: .maybe, because: .subject(j))
      default: break
      }
    }

    /// `?`: any one byte.
    private mutating func question() {
      guard j < n else { return }
      switch subject.atoms[j] {
      case .byte: offer(i + 1, j + 1)
      case .any:
        offer(i + 1, j + 1)
        offer(i + 1, j)
      case .symbol: offer(i + 1, j + 1, cap: .maybe, because: .subject(j))
      case .unknown:
        offer(i + 1, j + 1, cap: .maybe, because: .subject(j))
        offer(i + 1, j, cap: .maybe, because: .subject(j))
      default: break
      }
    }

    /// Subject atoms that may stand for text of any length absorb pattern atoms.
    private mutating func stretchingSubject() {
      switch subject.atoms[j] {
      case .any: offer(i, j + 1)
      case .unknown: offer(i, j + 1, cap: .maybe, because: .subject(j))
      case .symbol(let symbol) where i < m:
        switch pattern.atoms[i] {
        case .byte(let c)
        where (c == colon && !symbol.mayContainColon)
          || pattern.origins[i].excludes(subject.origins[j]):
          break
        case .symbol: break
        default: offer(i + 1, j, cap: .maybe, because: .subject(j))
        }
      default: break
      }
    }

    // MARK: - Cells

    private let colon = UInt8(ascii: ":")

    /// Considers going on from cell (`row`, `column`), at most as sure as `cap` (with `because`
    /// as the reason when the cap lowers it).
    private mutating func offer(
      _ row: Int, _ column: Int, cap: Certainty = .yes, because: Cause = .none
    ) {
      var candidate = row == i ? current[column] : next[column]
      if cap < candidate.certainty { candidate = Cell(certainty: cap, cause: because) }
      if candidate.certainty > best.certainty { best = candidate }
    }

    private func reason(_ cause: Cause) -> String {
      let atom: Atom
      let reasons: [String]
      switch cause {
      case .pattern(let index):
        atom = pattern.atoms[index]
        reasons = pattern.reasons
      case .subject(let index):
        atom = subject.atoms[index]
        reasons = subject.reasons
      case .none: return "part of the value is only known at deploy time"
      }
      switch atom {
      case .unknown(let index): return reasons[index]
      case .symbol(.pseudo(let name)): return "\(name) is only known at deploy time"
      case .symbol(.imported(let export)): return Resolver.importReason(export)
      case .symbol(let symbol): return "\(symbol) is only known at deploy time"
      default: return "part of the value is only known at deploy time"
      }
    }
  }
}
