import Policy
import Template

/// The machine report: one JSON document for every compared stack, keys in a fixed order,
/// values as CloudFormation JSON (intrinsics in their long form).
///
/// Shape: `{"summary": {...}, "stacks": [{"name", "status", "deployed", "proposed",
/// "security": {...}, "warnings": [...], "resources": [...], "sections": [...]}]}`.
public struct JSONReporter: Sendable {
  public var securityOnly: Bool

  public init(securityOnly: Bool = false) { self.securityOnly = securityOnly }

  /// Changes only when a key is removed or changes meaning; new keys may appear.
  public static let formatVersion = 1

  public func report(_ diffs: [StackDiff]) -> String {
    let summary = DiffSummary(diffs)
    let root: JSONNode = .object([
      ("version", .int(Self.formatVersion)),
      (
        "tool",
        .object([
          ("name", .string("formation")), ("version", .string(FormationRelease.version)),
          ("command", .string("diff")),
        ])
      ),
      ("summary", summaryNode(summary)),
      ("stacks", .array(diffs.map(stack))),
    ])
    var text = ""
    root.write(to: &text, indent: 0)
    return text + "\n"
  }

  private func summaryNode(_ summary: DiffSummary) -> JSONNode {
    .object([
      ("stacks", .int(summary.stacks)), ("changedStacks", .int(summary.changedStacks)),
      ("addedResources", .int(summary.addedResources)),
      ("removedResources", .int(summary.removedResources)),
      ("modifiedResources", .int(summary.modifiedResources)),
      ("replacements", .int(summary.replacements)),
      ("willReplace", .int(summary.willReplace)), ("mayReplace", .int(summary.mayReplace)),
      ("dataLoss", .int(summary.dataLoss)), ("nameCollisions", .int(summary.collisions)),
      ("securityChanges", .int(summary.securityChanges)),
      ("otherChanges", .int(summary.otherChanges)),
    ])
  }

  private func stack(_ diff: StackDiff) -> JSONNode {
    var fields: [(String, JSONNode)] = [
      ("name", .string(diff.name)), ("status", .string(diff.status.rawValue)),
      ("deployed", diff.deployedSource.map(JSONNode.string) ?? .null),
      ("proposed", diff.proposedSource.map(JSONNode.string) ?? .null),
      ("security", security(diff.security)),
    ]
    if !securityOnly {
      fields += [
        ("warnings", .array(diff.warnings.map(warning))),
        ("resources", .array(diff.resources.map(resource))),
        ("sections", .array(diff.entries.map(entry))),
      ]
    }
    return .object(fields)
  }

  private func security(_ report: SecurityReport) -> JSONNode {
    .object([
      (
        "statements",
        .array(
          report.statements.map { change in
            .object([
              ("logicalId", .string(change.logicalID)), ("type", .string(change.resourceType)),
              ("document", .string(change.document.description)),
              ("change", .string(change.kind.rawValue)),
              ("impact", .string(change.impact.rawValue)), ("old", value(change.old)),
              ("new", value(change.new)),
              ("details", .array(change.details.map(JSONNode.string))),
            ])
          })
      ),
      (
        "networkRules",
        .array(
          report.networkRules.map { change in
            .object([
              ("logicalId", .string(change.logicalID)),
              ("direction", .string(change.direction.rawValue)),
              ("change", .string(change.kind.rawValue)),
              ("impact", .string(change.impact.rawValue)),
              ("rule", .string(change.rule)), ("openToWorld", .bool(change.isOpenToWorld)),
            ])
          })
      ),
      (
        "protections",
        .array(
          report.protections.map { change in
            .object([
              ("logicalId", .string(change.logicalID)), ("type", .string(change.resourceType)),
              ("setting", .string(change.setting.description)),
              ("impact", .string(change.impact.rawValue)),
              ("message", .string(change.message)),
            ])
          })
      ),
      ("findingsIntroduced", .array(report.introducedFindings.map(finding))),
      ("findingsFixed", .array(report.fixedFindings.map(finding))),
    ])
  }

  private func finding(_ finding: Finding) -> JSONNode {
    .object([
      ("ruleId", .string(finding.ruleID)), ("severity", .string(finding.severity.rawValue)),
      ("logicalId", finding.logicalID.map(JSONNode.string) ?? .null),
      ("message", .string(finding.message)),
      ("location", .string(finding.location.description)),
    ])
  }

  private func warning(_ warning: DiffWarning) -> JSONNode {
    .object([
      ("kind", .string(warning.kind.rawValue)), ("logicalId", .string(warning.logicalID)),
      ("type", .string(warning.type)), ("message", .string(warning.message)),
    ])
  }

  private func resource(_ change: ResourceChange) -> JSONNode {
    .object([
      ("logicalId", .string(change.logicalID)), ("change", .string(change.kind.rawValue)),
      ("type", .string(change.type)), ("oldType", change.oldType.map(JSONNode.string) ?? .null),
      ("replacement", .string(change.replacement.rawValue)),
      ("reasons", .array(change.reasons.map(JSONNode.string))),
      ("renamedFrom", change.renamedFrom.map(JSONNode.string) ?? .null),
      ("renamedTo", change.renamedTo.map(JSONNode.string) ?? .null),
      ("changes", .array(change.changes.map(valueChange))),
    ])
  }

  private func entry(_ entry: EntryChange) -> JSONNode {
    .object([
      ("section", .string(entry.section)), ("name", .string(entry.name)),
      ("change", .string(entry.kind.rawValue)),
      ("old", value(entry.old)), ("new", value(entry.new)),
      ("note", entry.note.map(JSONNode.string) ?? .null),
      ("changes", .array(entry.changes.map(valueChange))),
    ])
  }

  private func valueChange(_ change: ValueChange) -> JSONNode {
    .object([
      ("path", .string(change.path.description)), ("change", .string(change.kind.rawValue)),
      ("old", value(change.old)), ("new", value(change.new)),
      ("replacement", .string(change.replacement.rawValue)),
    ])
  }

  private func value(_ value: Value?) -> JSONNode {
    guard let value else { return .null }
    switch value.kind {
    case .string(let string): return .string(string)
    case .number(let number): return .number(number.literal)
    case .bool(let bool): return .bool(bool)
    case .null: return .null
    case .list(let list): return .array(list.map { self.value($0) })
    case .map(let map): return .object(map.entries.map { ($0.key, self.value($0.value)) })
    case .intrinsic(let function):
      return .object([(function.name, self.value(Self.longForm(function)))])
    }
  }

  /// The argument of an intrinsic's long form, as CloudFormation documents it.
  static func longForm(_ function: Intrinsic) -> Value {
    switch function {
    case .ref(let name), .condition(let name): return .string(name)
    case .getAtt(let resource, let attribute): return [.string(resource), .string(attribute)]
    case .sub(let sub):
      guard let variables = sub.variables else { return .string(sub.template) }
      return [.string(sub.template), .map(variables)]
    case .join(let delimiter, let values): return [.string(delimiter), values]
    case .split(let delimiter, let source): return [.string(delimiter), source]
    case .if(let condition, let then, let otherwise): return [.string(condition), then, otherwise]
    case .not(let condition): return [condition]
    case .findInMap(let map, let top, let second, let fallback):
      return .list([map, top, second] + (fallback.map { [Value.map(["DefaultValue": $0])] } ?? []))
    case .importValue(let value), .getAZs(let value), .base64(let value), .toJsonString(let value),
      .length(let value):
      return value
    case .transform(let name, let parameters):
      var map: OrderedMap<Value> = ["Name": name]
      if let parameters { map["Parameters"] = parameters }
      return .map(map)
    case .transforms(let calls):
      return .list(
        calls.map { call in
          var map: OrderedMap<Value> = ["Name": call.name]
          if let parameters = call.parameters { map["Parameters"] = parameters }
          return .map(map)
        })
    case .rule(_, let argument): return argument
    default: return .list(function.arguments)
    }
  }
}

/// A JSON tree with ordered keys, written with two-space indentation.
enum JSONNode: Sendable {
  case string(String)
  /// A number literal, written as is when JSON can spell it, else as a string.
  case number(String)
  case int(Int)
  case bool(Bool)
  case null
  case array([JSONNode])
  case object([(String, JSONNode)])

  func write(to text: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch self {
    case .string(let string): Self.writeString(string, to: &text)
    case .number(let literal):
      if Double(literal) != nil, literal.first != ".",
        !literal.hasPrefix("0") || literal == "0" || literal.hasPrefix("0."),
        !literal.contains("_"), !literal.lowercased().contains("inf"),
        !literal.lowercased().contains("nan"),
        !literal.hasPrefix("+")
      {
        text += literal
      } else {
        Self.writeString(literal, to: &text)
      }
    case .int(let int): text += String(int)
    case .bool(let bool): text += bool ? "true" : "false"
    case .null: text += "null"
    case .array(let items):
      guard !items.isEmpty else {
        text += "[]"
        return
      }
      text += "[\n"
      for (index, item) in items.enumerated() {
        text += pad
        item.write(to: &text, indent: indent + 1)
        text += index == items.count - 1 ? "\n" : ",\n"
      }
      text += closePad + "]"
    case .object(let fields):
      guard !fields.isEmpty else {
        text += "{}"
        return
      }
      text += "{\n"
      for (index, field) in fields.enumerated() {
        text += pad
        Self.writeString(field.0, to: &text)
        text += ": "
        field.1.write(to: &text, indent: indent + 1)
        text += index == fields.count - 1 ? "\n" : ",\n"
      }
      text += closePad + "}"
    }
  }

  static func writeString(_ string: String, to text: inout String) {
    text += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          text.unicodeScalars.append(scalar)
        }
      }
    }
    text += "\""
  }
}
