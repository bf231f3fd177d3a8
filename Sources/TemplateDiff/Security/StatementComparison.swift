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
  struct Document {
    var logicalID: String
    var resourceType: String
    var path: PropertyPath
    var statements: [Value]
  }

  static func compare(old: Document?, new: Document?) -> [StatementChange] {
    guard let reference = new ?? old else { return [] }
    let before = old?.statements ?? []
    let after = new?.statements ?? []
    var removed = Array(before.indices)
    var added = Array(after.indices)
    // Identical statements (in IAM's sense) cancel out.
    let beforePrints = before.map { Fingerprint.of($0, inPolicy: true) }
    let afterPrints = after.map { Fingerprint.of($0, inPolicy: true) }
    removed = removed.filter { index in
      if let match = added.first(where: { afterPrints[$0] == beforePrints[index] }) {
        added.removeAll { $0 == match }
        return false
      }
      return true
    }
    var pairs: [(Int, Int)] = []
    for index in removed {
      let sid = before[index]["Sid"].flatMap(Fingerprint.scalarText)
      let match =
        added.first { sid != nil && after[$0]["Sid"].flatMap(Fingerprint.scalarText) == sid }
        ?? added.first { similar(before[index], after[$0]) }
      if let match {
        pairs.append((index, match))
        added.removeAll { $0 == match }
      }
    }
    removed.removeAll { index in pairs.contains { $0.0 == index } }
    var changes: [StatementChange] = []
    for (o, n) in pairs {
      let (impact, details) = modification(before[o], after[n])
      changes.append(
        StatementChange(
          logicalID: reference.logicalID, resourceType: reference.resourceType,
          document: reference.path,
          kind: .modified, impact: impact, old: before[o], new: after[n], details: details))
    }
    for n in added {
      let allow = effect(after[n]) != "Deny"
      changes.append(
        StatementChange(
          logicalID: reference.logicalID, resourceType: reference.resourceType,
          document: reference.path,
          kind: .added, impact: allow ? .broadening : .narrowing, old: nil, new: after[n],
          details: summary(after[n])))
    }
    for o in removed {
      let allow = effect(before[o]) != "Deny"
      changes.append(
        StatementChange(
          logicalID: reference.logicalID, resourceType: reference.resourceType,
          document: reference.path,
          kind: .removed, impact: allow ? .narrowing : .broadening, old: before[o], new: nil,
          details: summary(before[o])))
    }
    return changes
  }

  static func effect(_ statement: Value) -> String {
    statement["Effect"].flatMap(Fingerprint.scalarText) ?? "Allow"
  }

  /// One line saying what a statement allows or denies: `Allow s3:GetObject, s3:PutObject on arn:... to *`.
  static func summary(_ statement: Value) -> [String] {
    var parts = [effect(statement)]
    for (key, word) in [
      ("Action", ""), ("NotAction", "all but "), ("Resource", "on "),
      ("NotResource", "on all but "),
    ] {
      let values = texts(statement[key])
      if !values.isEmpty { parts.append(word + values.joined(separator: ", ")) }
    }
    let principals = principalTexts(statement["Principal"])
    if !principals.isEmpty { parts.append("to " + principals.joined(separator: ", ")) }
    let notPrincipals = principalTexts(statement["NotPrincipal"])
    if !notPrincipals.isEmpty {
      parts.append("to all but " + notPrincipals.joined(separator: ", "))
    }
    let conditions = conditionTexts(statement["Condition"])
    if !conditions.isEmpty { parts.append("when " + conditions.joined(separator: " and ")) }
    return [parts.joined(separator: " ")]
  }

  /// Two statements that are one statement edited: the same effect and something in common
  /// (an action, a resource or a principal).
  private static func similar(_ a: Value, _ b: Value) -> Bool {
    guard effect(a) == effect(b) else { return false }
    let actionsA = Set(texts(a["Action"]) + texts(a["NotAction"]))
    let actionsB = Set(texts(b["Action"]) + texts(b["NotAction"]))
    let resourcesA = Set(texts(a["Resource"]) + texts(a["NotResource"]))
    let resourcesB = Set(texts(b["Resource"]) + texts(b["NotResource"]))
    let principalsA = Set(principalTexts(a["Principal"]) + principalTexts(a["NotPrincipal"]))
    let principalsB = Set(principalTexts(b["Principal"]) + principalTexts(b["NotPrincipal"]))
    return !actionsA.isDisjoint(with: actionsB) || !resourcesA.isDisjoint(with: resourcesB)
      || !principalsA.isDisjoint(with: principalsB)
  }

  private static func modification(_ old: Value, _ new: Value) -> (Impact, [String]) {
    var broadening = false
    var narrowing = false
    var details: [String] = []
    let deny = effect(new) == "Deny"
    if effect(old) != effect(new) {
      details.append("effect: \(effect(old)) → \(effect(new))")
      if deny { narrowing = true } else { broadening = true }
    }
    // Grants widen what the statement applies to; exclusions (NotAction, NotResource) narrow it.
    let fields: [(key: String, label: String, grants: Bool, principal: Bool)] = [
      ("Action", "actions", true, false), ("NotAction", "excluded actions", false, false),
      ("Resource", "resources", true, false), ("NotResource", "excluded resources", false, false),
      ("Principal", "principals", true, true), ("NotPrincipal", "excluded principals", false, true),
    ]
    for field in fields {
      let before = field.principal ? principalTexts(old[field.key]) : texts(old[field.key])
      let after = field.principal ? principalTexts(new[field.key]) : texts(new[field.key])
      let beforeSet = Set(before)
      let afterSet = Set(after)
      let gained = after.filter { !beforeSet.contains($0) }
      let lost = before.filter { !afterSet.contains($0) }
      if !gained.isEmpty {
        details.append("\(field.label) added: \(Self.listed(gained, separator: ", "))")
      }
      if !lost.isEmpty {
        details.append("\(field.label) removed: \(Self.listed(lost, separator: ", "))")
      }
      let widens = !IAMGlob.coversAll(gained, by: before)
      let shrinks = !IAMGlob.coversAll(lost, by: after)
      if field.grants {
        if widens { broadening = true }
        if shrinks { narrowing = true }
      } else {
        if widens { narrowing = true }
        if shrinks { broadening = true }
      }
    }
    let conditionsBefore = conditionTexts(old["Condition"])
    let conditionsAfter = conditionTexts(new["Condition"])
    let conditionsBeforeSet = Set(conditionsBefore)
    let conditionsAfterSet = Set(conditionsAfter)
    let conditionsGained = conditionsAfter.filter { !conditionsBeforeSet.contains($0) }
    let conditionsLost = conditionsBefore.filter { !conditionsAfterSet.contains($0) }
    if !conditionsGained.isEmpty {
      details.append("conditions added: \(Self.listed(conditionsGained, separator: "; "))")
      narrowing = true
    }
    if !conditionsLost.isEmpty {
      details.append("conditions removed: \(Self.listed(conditionsLost, separator: "; "))")
      broadening = true
    }
    if deny { swap(&broadening, &narrowing) }
    if effect(old) != effect(new) {
      // The effect flip decides the direction on its own.
      (broadening, narrowing) = deny ? (false, true) : (true, false)
    }
    let impact: Impact =
      broadening && !narrowing ? .broadening : narrowing && !broadening ? .narrowing : .changed
    if details.isEmpty { details.append("Sid or formatting") }
    return (impact, details)
  }

  /// Literal values of an IAM field as text; functions in short form (`!Sub arn:...`).
  /// How many items of a list a detail names before it counts the rest.
  static let shownInList = 20

  /// The items joined, at most `shownInList` of them and then how many more: a statement that
  /// gains ten thousand actions is still one line a person can read.
  static func listed(_ items: [String], separator: String) -> String {
    guard items.count > shownInList else { return items.joined(separator: separator) }
    return items.prefix(shownInList).joined(separator: separator)
      + " and \(items.count - shownInList) more"
  }

  static func texts(_ value: Value?) -> [String] {
    var seen = Set<String>()
    return PolicyDocument.elements(value).map { element in
      Fingerprint.scalarText(element) ?? ValueText.inline(element)
    }.filter { seen.insert($0).inserted }
  }

  /// Principals as `AWS:arn...`, `Service:lambda.amazonaws.com`, or `*`.
  static func principalTexts(_ value: Value?) -> [String] {
    guard let value else { return [] }
    if let text = Fingerprint.scalarText(value) { return [text == "*" ? "*" : text] }
    guard let map = value.mapValue else { return [ValueText.inline(value)] }
    var result: [String] = []
    for entry in map.entries {
      for text in texts(entry.value) {
        let item = entry.key == "AWS" && text == "*" ? "*" : "\(entry.key):\(text)"
        if !result.contains(item) { result.append(item) }
      }
    }
    return result.sorted()
  }

  private static func conditionTexts(_ value: Value?) -> [String] {
    guard let operators = value?.mapValue else { return value.map { [ValueText.inline($0)] } ?? [] }
    var result: [String] = []
    for entry in operators.entries {
      guard let keys = entry.value.mapValue else {
        result.append("\(entry.key) \(ValueText.inline(entry.value))")
        continue
      }
      for condition in keys.entries {
        result.append(
          "\(entry.key) \(condition.key)=\(texts(condition.value).sorted().joined(separator: "|"))")
      }
    }
    return result.sorted()
  }
}
