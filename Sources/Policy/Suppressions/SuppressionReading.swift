import Template

/// Reads the suppressions in every resource's Metadata, and what is wrong with the invalid ones.
///
/// A Formation suppression needs `rule` (a catalogue id) and `reason` (10 characters at
/// least: "accepted" is not a reason); `path`, `action` and `statement` narrow it to one
/// finding. cfn_nag (`cfn_nag.rules_to_suppress[{id, reason}]`) and checkov
/// (`checkov.skip[{id, comment}]`) entries are read when their id maps to a Formation rule,
/// and need a non-empty reason. Invalid entries suppress nothing and are reported (SUP002).
public struct SuppressionReading: Sendable {
  /// The shortest accepted reason, in characters, after trimming spaces.
  public static let minimumReasonLength = 10

  public var suppressions: [DeclaredSuppression] = []
  /// Invalid entries: where, and what is wrong.
  public var problems: [(logicalID: String, location: SourceLocation, message: String)] = []

  /// Reads every resource of `template`; `knownRules` are the ids a suppression may name.
  public init(_ template: Template, knownRules: Set<String>) {
    let fallback = SourceLocation(file: template.file ?? "<template>", line: 1, column: 1)
    for entry in template.resources.entries {
      guard let metadata = entry.value.metadata?.mapValue else { continue }
      let logicalID = entry.key
      let resourceLocation = entry.keyLocation ?? entry.value.location ?? fallback
      if let formation = metadata["formation"]?["suppress"] {
        readFormation(formation, logicalID: logicalID, knownRules: knownRules, at: resourceLocation)
      }
      if let cfnNag = metadata["cfn_nag"]?["rules_to_suppress"] {
        readForeign(
          cfnNag, source: .cfnNag, reasonKey: "reason", logicalID: logicalID, at: resourceLocation)
      }
      if let checkov = metadata["checkov"]?["skip"] {
        readForeign(
          checkov, source: .checkov, reasonKey: "comment", logicalID: logicalID,
          at: resourceLocation)
      }
      if let guardRules = metadata["guard"]?["SuppressedRules"] {
        readGuard(guardRules, logicalID: logicalID, at: resourceLocation)
      }
    }
  }

  private mutating func readFormation(
    _ list: Value, logicalID: String, knownRules: Set<String>, at fallback: SourceLocation
  ) {
    guard let entries = list.listValue else {
      problems.append(
        (
          logicalID, list.location ?? fallback,
          "formation.suppress must be a list of {rule, reason} entries, not \(list.kindDescription)"
        ))
      return
    }
    for entry in entries {
      let here = entry.location ?? list.location ?? fallback
      guard let map = entry.mapValue else {
        problems.append(
          (
            logicalID, here,
            "a suppression must be a mapping with rule and reason, not \(entry.kindDescription)"
          ))
        continue
      }
      let allowed = Set(["rule", "reason"] + DeclaredSuppression.scopeKeys)
      if let unknown = map.keys.first(where: { !allowed.contains($0) }) {
        problems.append(
          (
            logicalID, map.entry(unknown)?.keyLocation ?? here,
            "suppression has unknown key \(unknown); expected rule, reason, path, action or statement"
          ))
        continue
      }
      guard let rule = map["rule"]?.stringValue, !rule.isEmpty else {
        problems.append(
          (logicalID, here, "suppression has no rule; name the rule id it suppresses"))
        continue
      }
      guard let known = knownRules.first(where: { $0.caseInsensitiveCompare(rule) == .orderedSame })
      else {
        problems.append(
          (
            logicalID, map["rule"]?.location ?? here,
            "suppression names \(rule), which is no rule of the catalogue"
          ))
        continue
      }
      let reason = (map["reason"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
      guard reason.count >= Self.minimumReasonLength else {
        let what =
          reason.isEmpty
          ? "has no reason" : "has a reason shorter than \(Self.minimumReasonLength) characters"
        problems.append(
          (
            logicalID, map["reason"]?.location ?? here,
            "suppression of \(known) \(what); say why the finding is accepted"
          ))
        continue
      }
      var scope: [String: String] = [:]
      var invalidScope = false
      for key in DeclaredSuppression.scopeKeys {
        guard let value = map[key] else { continue }
        let text: String? =
          switch value.kind {
          case .string(let string): string
          case .number(let number): number.literal
          default: nil
          }
        guard let text, !text.isEmpty else {
          problems.append(
            (
              logicalID, value.location ?? here,
              "suppression \(key) must be a string, not \(value.kindDescription)"
            ))
          invalidScope = true
          continue
        }
        scope[key] = text
      }
      if invalidScope { continue }
      suppressions.append(
        DeclaredSuppression(
          logicalID: logicalID, ruleID: known, reason: reason, scope: scope, location: here))
    }
  }

  private mutating func readForeign(
    _ list: Value, source: Suppression.Source, reasonKey: String, logicalID: String,
    at fallback: SourceLocation
  ) {
    guard let entries = list.listValue else {
      problems.append(
        (
          logicalID, list.location ?? fallback,
          "\(source.rawValue) suppressions must be a list, not \(list.kindDescription)"
        ))
      return
    }
    for entry in entries {
      let here = entry.location ?? list.location ?? fallback
      guard let id = entry["id"]?.stringValue else {
        problems.append((logicalID, here, "\(source.rawValue) suppression has no id"))
        continue
      }
      guard let reach = ForeignRuleMapping.reach(for: id, source: source) else { continue }
      let rule = reach.rule
      let reason = (entry[reasonKey]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
      guard !reason.isEmpty else {
        problems.append(
          (
            logicalID, here,
            "\(source.rawValue) suppression of \(id) (\(rule)) has no \(reasonKey); say why the finding is accepted"
          ))
        continue
      }
      suppressions.append(
        DeclaredSuppression(
          logicalID: logicalID, ruleID: rule, reason: reason, source: source,
          foreignID: id.uppercased(), scope: reach.path.map { ["path": $0] } ?? [:],
          aspect: reach.aspect, location: here))
    }
  }

  /// cfn-guard's `SuppressedRules`: a list of rule names, with no place for a reason; the
  /// reason shown is where the name was listed.
  private mutating func readGuard(_ list: Value, logicalID: String, at fallback: SourceLocation) {
    guard let entries = list.listValue else {
      problems.append(
        (
          logicalID, list.location ?? fallback,
          "guard.SuppressedRules must be a list of rule names, not \(list.kindDescription)"
        ))
      return
    }
    for entry in entries {
      guard let name = entry.stringValue,
        let reach = ForeignRuleMapping.reach(for: name, source: .cfnGuard)
      else { continue }
      suppressions.append(
        DeclaredSuppression(
          logicalID: logicalID, ruleID: reach.rule,
          reason: "listed in Metadata guard.SuppressedRules", source: .cfnGuard,
          foreignID: name.uppercased(), scope: reach.path.map { ["path": $0] } ?? [:],
          aspect: reach.aspect, location: entry.location ?? list.location ?? fallback))
    }
  }
}

extension String {
  fileprivate enum Trim { case whitespaces }
  fileprivate func trimmingCharacters(in _: Trim) -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
