/// How much a finding matters. Ordered, so `--severity warning` keeps warnings and above.
///
/// `unknown` is for a value the checker could not decide (a parameter with no default, an
/// import from another stack): never a silent pass, and ranked above `warning` so a gate at
/// `warning` stops on it until someone looks.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  case info
  case warning
  case unknown
  case error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .unknown: 2
    case .error: 3
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
