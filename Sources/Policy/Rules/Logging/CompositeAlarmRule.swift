import Semantics
import Template

/// The alarms a composite alarm's `AlarmRule` fires on: each `ALARM(...)` term that is not
/// under a `NOT`.
///
/// A term names its alarm by name or ARN, quoted or not: `ALARM("errors")`, `ALARM(errors)`,
/// `ALARM(arn:aws:cloudwatch:eu-west-1:111122223333:alarm:errors)`. Templates write the name
/// with `Ref` (an alarm's `Ref` is its name), `Fn::GetAtt X.Arn` or `Fn::Sub`, so a term is
/// matched to an alarm of the template by the symbol it holds, or else by the alarm's
/// `AlarmName` spelled the same way. `OK(...)` and `INSUFFICIENT_DATA(...)` terms, and terms
/// under `NOT`, do not make the composite fire when that alarm does.
struct CompositeAlarmRule {
  /// The alarm types a rule can name.
  static let alarmTypes: Set<String> = [
    "AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm",
  ]

  /// One piece of the rule's text: a character, or a value the template names.
  private enum Piece {
    case character(Character)
    case symbol(Symbol)
    case opaque
  }

  /// The arguments of the positive `ALARM(...)` terms, quotes and spaces trimmed.
  let alarmArguments: [SymbolicString]

  init(_ rule: SymbolicString) {
    var pieces: [Piece] = []
    for part in rule.parts {
      switch part {
      case .text(let text), .known(let text, _): pieces += text.map(Piece.character)
      case .symbol(let symbol): pieces.append(.symbol(symbol))
      case .unknown, .any: pieces.append(.opaque)
      }
    }
    alarmArguments = Self.positiveAlarmTerms(pieces)
  }

  /// Walks the rule once, keeping whether each parenthesised group is negated.
  private static func positiveAlarmTerms(_ pieces: [Piece]) -> [SymbolicString] {
    var arguments: [SymbolicString] = []
    var negatedGroups = [false]
    var pendingNot = false
    var index = 0
    while index < pieces.count {
      guard case .character(let character) = pieces[index] else {
        index += 1
        continue
      }
      if character.isLetter || character == "_" {
        var word = ""
        while index < pieces.count, case .character(let next) = pieces[index],
          next.isLetter || next.isNumber || next == "_"
        {
          word.append(next)
          index += 1
        }
        switch word {
        case "NOT":
          pendingNot.toggle()
        case "ALARM", "OK", "INSUFFICIENT_DATA":
          while index < pieces.count, case .character(let next) = pieces[index], next.isWhitespace {
            index += 1
          }
          guard index < pieces.count, case .character("(") = pieces[index] else {
            pendingNot = false
            continue
          }
          let (argument, end) = argument(pieces, openingAt: index)
          let negated = (negatedGroups.last ?? false) != pendingNot
          if word == "ALARM", !negated { arguments.append(argument) }
          pendingNot = false
          index = end
        default:
          pendingNot = false
        }
        continue
      }
      switch character {
      case "(":
        negatedGroups.append((negatedGroups.last ?? false) != pendingNot)
        pendingNot = false
      case ")":
        if negatedGroups.count > 1 { negatedGroups.removeLast() }
      default:
        break
      }
      index += 1
    }
    return arguments
  }

  /// The text between the parenthesis at `open` and its closing one (a `)` inside quotes does
  /// not close), trimmed of spaces and quotes; and the index after the closing parenthesis.
  private static func argument(_ pieces: [Piece], openingAt open: Int) -> (SymbolicString, Int) {
    var parts: [SymbolicString.Part] = []
    var quoted = false
    var index = open + 1
    while index < pieces.count {
      switch pieces[index] {
      case .character("\""):
        quoted.toggle()
      case .character(")") where !quoted:
        return (trimmed(parts), index + 1)
      case .character(let character):
        parts.append(.text(String(character)))
      case .symbol(let symbol):
        parts.append(.symbol(symbol))
      case .opaque:
        parts.append(.unknown("a part of AlarmRule only known at deploy time"))
      }
      index += 1
    }
    return (trimmed(parts), index)
  }

  private static func trimmed(_ parts: [SymbolicString.Part]) -> SymbolicString {
    var parts = SymbolicString(parts).parts
    if case .text(let first) = parts.first {
      let kept = String(first.drop { $0.isWhitespace })
      parts[0] = .text(kept)
    }
    if case .text(let last) = parts.last {
      let kept = String(last.reversed().drop { $0.isWhitespace }.reversed())
      parts[parts.count - 1] = .text(kept)
    }
    return SymbolicString(parts)
  }

  /// The alarms of the template the positive `ALARM(...)` terms name. `names` are the alarms'
  /// own `AlarmName` values, for terms that spell a name out instead of referring to the alarm.
  func watchedAlarms(types: [String: String], names: [String: [SymbolicString]]) -> Set<String> {
    var watched: Set<String> = []
    for argument in alarmArguments {
      if let id = argument.referencedResources.first(where: {
        Self.alarmTypes.contains(types[$0] ?? "")
      }) {
        watched.insert(id)
        continue
      }
      let name = Self.droppingARNPrefix(argument)
      for (id, spellings) in names where spellings.contains(name) { watched.insert(id) }
    }
    return watched
  }

  /// `errors` of `arn:aws:cloudwatch:eu-west-1:111122223333:alarm:errors`; the argument itself
  /// when it is not written as an alarm ARN.
  static func droppingARNPrefix(_ argument: SymbolicString) -> SymbolicString {
    guard
      let marker = argument.parts.lastIndex(where: {
        if case .text(let text) = $0 { text.contains(":alarm:") } else { false }
      }), case .text(let text) = argument.parts[marker],
      let range = text.ranges(of: ":alarm:").last
    else { return argument }
    return SymbolicString(
      [.text(String(text[range.upperBound...]))] + argument.parts[(marker + 1)...])
  }
}
