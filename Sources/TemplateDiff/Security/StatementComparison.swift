import Semantics
import Template

/// Compares the statements of one policy document on both sides and says, for each
/// statement added, removed or modified, whether it broadens or narrows what is allowed.
///
/// Statements are paired by `Sid`, then by effect and principal with overlapping actions;
/// the rest are additions and removals. A modified statement is broadening when it allows
/// something the old one did not (an added action not covered by an old wildcard, a new
/// resource or principal, a dropped condition), narrowing in the reverse case, and
/// "changed" when both happen. Deny statements invert the direction.
enum StatementComparison {
  /// A policy document of one side: its statements as the policy checker reads them.
  struct Document {
    var logicalID: String
    var resourceType: String
    var path: PropertyPath
    var statements: [WrittenStatement]
  }

  /// A statement read by the checker's parser, with the value it was read from (what the
  /// report shows as the old or new statement).
  struct WrittenStatement {
    var statement: Statement
    var value: Value
  }

  static func compare(old: Document?, new: Document?) -> [StatementChange] {
    guard let reference = new ?? old else { return [] }
    let before = old?.statements ?? []
    let after = new?.statements ?? []
    var removed = Array(before.indices)
    var added = Array(after.indices)
    // Identical statements (in IAM's sense) cancel out.
    let beforePrints = before.map { identity($0.statement) }
    let afterPrints = after.map { identity($0.statement) }
    removed = removed.filter { index in
      if let match = added.first(where: { afterPrints[$0] == beforePrints[index] }) {
        added.removeAll { $0 == match }
        return false
      }
      return true
    }
    var pairs: [(Int, Int)] = []
    for index in removed {
      let sid = before[index].statement.sid
      let match =
        added.first { sid != nil && after[$0].statement.sid == sid }
        ?? added.first { similar(before[index].statement, after[$0].statement) }
      if let match {
        pairs.append((index, match))
        added.removeAll { $0 == match }
      }
    }
    removed.removeAll { index in pairs.contains { $0.0 == index } }
    var changes: [StatementChange] = []
    for (o, n) in pairs {
      let (impact, details) = modification(before[o].statement, after[n].statement)
      changes.append(
        StatementChange(
          logicalID: reference.logicalID, resourceType: reference.resourceType,
          document: reference.path,
          kind: .modified, impact: impact, old: before[o].value, new: after[n].value,
          details: details))
    }
    for n in added {
      let allow = after[n].statement.effect == .allow
      changes.append(
        StatementChange(
          logicalID: reference.logicalID, resourceType: reference.resourceType,
          document: reference.path,
          kind: .added, impact: allow ? .broadening : .narrowing, old: nil, new: after[n].value,
          details: summary(after[n].statement)))
    }
    for o in removed {
      let allow = before[o].statement.effect == .allow
      changes.append(
        StatementChange(
          logicalID: reference.logicalID, resourceType: reference.resourceType,
          document: reference.path,
          kind: .removed, impact: allow ? .narrowing : .broadening, old: before[o].value, new: nil,
          details: summary(before[o].statement)))
    }
    return changes
  }

  /// The statement's meaning as one text, equal for two statements IAM treats the same (the
  /// order of actions, resources, principals and conditions does not matter).
  private static func identity(_ statement: Statement) -> String {
    var parts = [statement.sid ?? "", statement.effect.rawValue]
    for field in Field.all {
      parts.append(field.key(of: statement) ?? "")
      parts.append(field.texts(of: statement).sorted().joined(separator: "\u{1F}"))
    }
    parts.append(conditionTexts(statement).joined(separator: "\u{1F}"))
    parts.append(statement.assumptions.description)
    return parts.joined(separator: "\u{1E}")
  }

  /// One line saying what a statement allows or denies: `Allow s3:GetObject, s3:PutObject on arn:... to *`.
  static func summary(_ statement: Statement) -> [String] {
    var parts = [statement.effect.rawValue]
    for field in Field.all {
      let values = field.texts(of: statement)
      guard !values.isEmpty, let key = field.key(of: statement) else { continue }
      parts.append(field.words[key, default: ""] + values.joined(separator: ", "))
    }
    let conditions = conditionTexts(statement)
    if !conditions.isEmpty { parts.append("when " + conditions.joined(separator: " and ")) }
    return [parts.joined(separator: " ")]
  }

  /// The three lists of a statement, each written in its plain or `Not` form.
  struct Field: Sendable {
    /// The key the statement uses, plain or negated (`Action` or `NotAction`); `nil` when the
    /// statement has neither.
    var key: @Sendable (Statement) -> String?
    var texts: @Sendable (Statement) -> [String]
    /// How a summary introduces each form.
    var words: [String: String]
    /// What a modification calls each form.
    var labels: [String: String]

    func key(of statement: Statement) -> String? { key(statement) }
    func texts(of statement: Statement) -> [String] { texts(statement) }

    static let actions = Field(
      key: { $0.actions.elements.isEmpty ? nil : $0.actions.isNegated ? "NotAction" : "Action" },
      texts: { unique($0.actions.elements.map(\.content.description)) },
      words: ["Action": "", "NotAction": "all but "],
      labels: ["Action": "actions", "NotAction": "excluded actions"])
    static let resources = Field(
      key: { $0.resources.map { $0.isNegated ? "NotResource" : "Resource" } },
      texts: { unique(($0.resources?.elements ?? []).map(\.content.written.description)) },
      words: ["Resource": "on ", "NotResource": "on all but "],
      labels: ["Resource": "resources", "NotResource": "excluded resources"])
    static let principals = Field(
      key: { $0.principals.map { $0.isNegated ? "NotPrincipal" : "Principal" } },
      texts: { principalTexts($0.principals) },
      words: ["Principal": "to ", "NotPrincipal": "to all but "],
      labels: ["Principal": "principals", "NotPrincipal": "excluded principals"])
    static let all = [actions, resources, principals]
  }

  /// Texts in the order written, each once.
  private static func unique(_ texts: [String]) -> [String] {
    var seen = Set<String>()
    return texts.filter { seen.insert($0).inserted }
  }

  /// Principals as `AWS:arn...`, `Service:lambda.amazonaws.com`, or `*`, sorted.
  private static func principalTexts(_ list: ElementList<PrincipalEntry>?) -> [String] {
    unique(
      (list?.elements ?? []).map { element in
        let entry = element.content
        return entry.isWildcard && entry.kind != .canonicalUser
          ? "*" : "\(entry.kind.rawValue):\(entry.value)"
      }
    ).sorted()
  }

  /// Conditions as `StringEquals aws:SourceAccount=123456789012`, sorted.
  private static func conditionTexts(_ statement: Statement) -> [String] {
    statement.conditions.map { clause in
      "\(clause.operator) \(clause.key)=\(clause.values.map(\.description).sorted().joined(separator: "|"))"
    }.sorted()
  }

  /// Two statements that are one statement edited: the same effect and something in common
  /// (an action, a resource or a principal).
  private static func similar(_ a: Statement, _ b: Statement) -> Bool {
    guard a.effect == b.effect else { return false }
    return Field.all.contains { field in
      !Set(field.texts(of: a)).isDisjoint(with: field.texts(of: b))
    }
  }

  private static func modification(_ old: Statement, _ new: Statement) -> (Impact, [String]) {
    var broadening = false
    var narrowing = false
    var details: [String] = []
    let deny = new.effect == .deny
    if old.effect != new.effect {
      details.append("effect: \(old.effect.rawValue) → \(new.effect.rawValue)")
      if deny { narrowing = true } else { broadening = true }
    }
    // Grants widen what the statement applies to; exclusions (NotAction, NotResource) narrow it.
    for field in Field.all {
      for key in Set([field.key(of: old), field.key(of: new)].compactMap { $0 }).sorted() {
        let before = field.key(of: old) == key ? field.texts(of: old) : []
        let after = field.key(of: new) == key ? field.texts(of: new) : []
        let beforeSet = Set(before)
        let afterSet = Set(after)
        let gained = after.filter { !beforeSet.contains($0) }
        let lost = before.filter { !afterSet.contains($0) }
        let label = field.labels[key, default: key]
        if !gained.isEmpty { details.append("\(label) added: \(listed(gained, separator: ", "))") }
        if !lost.isEmpty { details.append("\(label) removed: \(listed(lost, separator: ", "))") }
        let widens = !PatternCoverage.coversAll(gained, by: before)
        let shrinks = !PatternCoverage.coversAll(lost, by: after)
        if !key.hasPrefix("Not") {
          if widens { broadening = true }
          if shrinks { narrowing = true }
        } else {
          if widens { narrowing = true }
          if shrinks { broadening = true }
        }
      }
    }
    let conditionsBefore = conditionTexts(old)
    let conditionsAfter = conditionTexts(new)
    let conditionsBeforeSet = Set(conditionsBefore)
    let conditionsAfterSet = Set(conditionsAfter)
    let conditionsGained = conditionsAfter.filter { !conditionsBeforeSet.contains($0) }
    let conditionsLost = conditionsBefore.filter { !conditionsAfterSet.contains($0) }
    if !conditionsGained.isEmpty {
      details.append("conditions added: \(listed(conditionsGained, separator: "; "))")
      narrowing = true
    }
    if !conditionsLost.isEmpty {
      details.append("conditions removed: \(listed(conditionsLost, separator: "; "))")
      broadening = true
    }
    if deny { swap(&broadening, &narrowing) }
    if old.effect != new.effect {
      // The effect flip decides the direction on its own.
      (broadening, narrowing) = deny ? (false, true) : (true, false)
    }
    let impact: Impact =
      broadening && !narrowing ? .broadening : narrowing && !broadening ? .narrowing : .changed
    if details.isEmpty { details.append("Sid or formatting") }
    return (impact, details)
  }

  /// How many items of a list a detail names before it counts the rest.
  static let shownInList = 20

  /// The items joined, at most `shownInList` of them and then how many more: a statement that
  /// gains ten thousand actions is still one line a person can read.
  static func listed(_ items: [String], separator: String) -> String {
    guard items.count > shownInList else { return items.joined(separator: separator) }
    return items.prefix(shownInList).joined(separator: separator)
      + " and \(items.count - shownInList) more"
  }
}
