/// How an unquoted, untagged YAML scalar resolves: the YAML 1.1 rules CloudFormation applies.
///
/// CloudFormation reads YAML 1.1: an unquoted `yes`, `No`, `on` or `OFF` reaches a resource
/// as the boolean `true`/`false` (aws-cli quotes them for exactly that reason), so they read
/// as booleans here too. Decisions, in full:
///
/// - null: empty, `~`, `null`, `Null`, `NULL`.
/// - booleans: `true`/`false`, `yes`/`no`, `on`/`off`, each in lower, Capitalized and UPPER
///   case. `y` and `n` stay strings (PyYAML and cfn-lint agree).
/// - numbers: decimal integers (leading zeros and `_` allowed, as YAML 1.1), `0x`, `0o`, `0b`
///   integers, decimals with a fraction and/or exponent (`1.5`, `.5`, `1.`, `1e3`: JSON
///   numbers must read back as numbers), `.inf`, `-.inf`, `.nan`. The literal is kept as
///   written, so `0080` stays `0080`.
/// - everything else is a string, notably dates (`2010-09-09`, which CloudFormation takes as
///   the string it is in `AWSTemplateFormatVersion`) and sexagesimal `12:30:00`.
///
/// Quoted scalars are always strings; the reader never calls this for them.
enum PlainScalar {
  /// Resolves a plain scalar; looks at the first byte before trying anything costlier.
  static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Value.Kind {
    guard let first = bytes.first else { return .null }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
      UInt8(ascii: "."):
      return isNumber(bytes) ? .number(Number(literal: text())) : .string(text())
    case UInt8(ascii: "~"):
      return bytes.count == 1 ? .null : .string(text())
    case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
      UInt8(ascii: "f"),
      UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
      guard bytes.count <= 5 else { return .string(text()) }
      let word = text()
      switch word {
      case "null", "Null", "NULL": return .null
      case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
      case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
      default: return .string(word)
      }
    default:
      return .string(text())
    }
  }

  /// True when the bytes spell a YAML 1.1 (or JSON) number.
  static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    var signed = false
    if n > 0, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
      i = 1
      signed = true
    }
    guard i < n else { return false }
    let rest = UnsafeBufferPointer(rebasing: bytes[i...])
    if rest.first == UInt8(ascii: ".") {
      if rest.elementsEqual(".inf".utf8) || rest.elementsEqual(".Inf".utf8)
        || rest.elementsEqual(".INF".utf8)
      {
        return true
      }
      if !signed,
        rest.elementsEqual(".nan".utf8) || rest.elementsEqual(".NaN".utf8)
          || rest.elementsEqual(".NAN".utf8)
      {
        return true
      }
    }
    if rest.count > 2, rest[0] == UInt8(ascii: "0") {
      let radix = rest[1]
      let digits = UnsafeBufferPointer(rebasing: rest[2...])
      switch radix {
      case UInt8(ascii: "x"): return digits.allSatisfy { isHex($0) || $0 == UInt8(ascii: "_") }
      case UInt8(ascii: "o"):
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }
      case UInt8(ascii: "b"):
        return digits.allSatisfy {
          $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_")
        }
      default: break
      }
    }
    // [0-9][0-9_]* ( . [0-9_]* )? ( [eE] [-+]? [0-9]+ )?   or   . [0-9][0-9_]* ( exponent )?
    var j = 0
    var mantissaDigits = 0
    if rest[0] != UInt8(ascii: ".") {
      guard isDigit(rest[0]) else { return false }
      while j < rest.count, isDigit(rest[j]) || rest[j] == UInt8(ascii: "_") {
        j += 1
        mantissaDigits += 1
      }
    }
    if j < rest.count, rest[j] == UInt8(ascii: ".") {
      j += 1
      if mantissaDigits == 0 {
        guard j < rest.count, isDigit(rest[j]) else { return false }
      }
      while j < rest.count, isDigit(rest[j]) || rest[j] == UInt8(ascii: "_") {
        j += 1
        mantissaDigits += 1
      }
    }
    guard mantissaDigits > 0 else { return false }
    if j < rest.count, rest[j] == UInt8(ascii: "e") || rest[j] == UInt8(ascii: "E") {
      j += 1
      if j < rest.count, rest[j] == UInt8(ascii: "+") || rest[j] == UInt8(ascii: "-") { j += 1 }
      guard j < rest.count else { return false }
      while j < rest.count, isDigit(rest[j]) { j += 1 }
    }
    return j == rest.count
  }

  @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  @inline(__always) private static func isHex(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }
}
