import Template

/// The human report, a tree like `cdk diff`'s: security first, then warnings, resources and
/// the other sections. Unchanged stacks print nothing; the caller prints the summary line.
public struct TextReporter: Sendable {
  public var color: Bool
  /// Only the security section of each stack.
  public var securityOnly: Bool

  public init(color: Bool = false, securityOnly: Bool = false) {
    self.color = color
    self.securityOnly = securityOnly
  }

  public func report(_ diff: StackDiff) -> String {
    guard diff.hasChanges else { return "" }
    if securityOnly && diff.security.isEmpty { return "" }
    var out: [String] = []
    var heading = bold("Stack \(shown(diff.name))")
    switch (diff.deployedSource, diff.proposedSource) {
    case (let old?, let new?): heading += dim("  (\(shown(old)) → \(shown(new)))")
    case (nil, let new?): heading += dim("  (new stack: \(shown(new)))")
    case (let old?, nil): heading += dim("  (stack removed: \(shown(old)))")
    case (nil, nil): break
    }
    out.append(heading)
    if !diff.security.isEmpty { out += security(diff.security) }
    if securityOnly { return out.joined(separator: "\n") + "\n" }
    if !diff.warnings.isEmpty {
      out.append(bold("Warnings"))
      for warning in diff.warnings {
        let label =
          switch warning.kind {
          case .dataLoss: "data loss"
          case .nameCollision: "name collision"
          case .importedExportChanges: "imported export changes"
          }
        out.append("  " + red(bold("!! \(label):")) + " " + shown(warning.message))
      }
    }
    if !diff.resources.isEmpty {
      out.append(bold("Resources"))
      for change in diff.resources { out += resource(change) }
    }
    var section = ""
    for entry in diff.entries {
      if entry.section != section {
        section = entry.section
        out.append(bold(section))
      }
      out += self.entry(entry)
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Security

  private func security(_ report: SecurityReport) -> [String] {
    var out = [bold("Security")]
    if !report.statements.isEmpty {
      out.append("  IAM statements")
      for change in report.statements {
        out.append(
          "    \(marker(change.kind.rawValue)) \(impact(change.impact)) \(shown(change.logicalID)) (\(shown(change.resourceType))) \(shown(change.document.description))"
        )
        for detail in change.details { out.append("        " + shown(detail)) }
      }
    }
    if !report.networkRules.isEmpty {
      out.append("  Security group rules")
      for change in report.networkRules {
        let rule = change.isOpenToWorld ? red(shown(change.rule)) : shown(change.rule)
        out.append(
          "    \(marker(change.kind.rawValue)) \(impact(change.impact)) \(shown(change.logicalID)) \(change.direction.rawValue) \(rule)"
        )
      }
    }
    if !report.protections.isEmpty {
      out.append("  Protection")
      for change in report.protections {
        out.append(
          "    \(marker("modified")) \(impact(change.impact)) \(shown(change.logicalID)) (\(shown(change.resourceType))) \(shown(change.message)) (\(shown(change.setting.description)))"
        )
      }
    }
    if !report.introducedFindings.isEmpty || !report.fixedFindings.isEmpty {
      out.append("  Policy findings")
      for finding in report.introducedFindings {
        out.append(
          "    \(marker("added")) \(red("introduced")) \(finding.ruleID) \(shown(finding.logicalID ?? "-")): \(shown(finding.message))"
        )
      }
      for finding in report.fixedFindings {
        out.append(
          "    \(marker("removed")) \(green("fixed")) \(finding.ruleID) \(shown(finding.logicalID ?? "-")): \(shown(finding.message))"
        )
      }
    }
    return out
  }

  private func impact(_ impact: Impact) -> String {
    switch impact {
    case .broadening: red("broadening")
    case .narrowing: green("narrowing ")
    case .changed: yellow("changed   ")
    }
  }

  // MARK: - Resources

  private func resource(_ change: ResourceChange) -> [String] {
    var line = "\(marker(change.kind.rawValue)) \(shown(change.type)) \(shown(change.logicalID))"
    if change.kind == .modified, let old = change.oldType, let new = change.newType, old != new {
      line = "\(marker(change.kind.rawValue)) \(shown(old)) → \(shown(new)) \(shown(change.logicalID))"
    }
    switch change.kind {
    case .added:
      if let from = change.renamedFrom {
        line += "  " + red(bold("replaces \(shown(from)) (logical id renamed)"))
      }
    case .removed:
      line += "  " + red(change.renamedTo.map { "destroy (renamed to \(shown($0)))" } ?? "destroy")
    case .modified:
      switch change.replacement {
      case .will: line += "  " + red(bold("will replace"))
      case .may: line += "  " + yellow(bold("may replace"))
      case .none: if change.isMetadataOnly { line += dim("  metadata only") }
      }
    }
    var out = [line]
    let reasons = change.kind == .modified ? change.reasons : []
    for reason in reasons { out.append(" │ " + dim(shown(reason))) }
    out += tree(change.changes)
    return out
  }

  private func entry(_ entry: EntryChange) -> [String] {
    var line = "\(marker(entry.kind.rawValue)) \(shown(entry.name))"
    var changes = entry.changes
    switch entry.kind {
    case .added: if let new = entry.new { line += ": " + green(shownInline(new)) }
    case .removed: if let old = entry.old { line += ": " + red(shownInline(old)) }
    case .modified:
      // A scalar entry (Description, a condition) changes as a whole: one line.
      if changes.count == 1, changes[0].path.isEmpty, let old = changes[0].old,
        let new = changes[0].new
      {
        line += ": " + red(shownInline(old)) + " → " + green(shownInline(new))
        changes = []
      }
    }
    var out = [line]
    if let note = entry.note { out.append(" │ " + yellow(shown(note))) }
    out += tree(changes)
    return out
  }

  /// `├─ [~] Properties.X: old → new`, with long values on their own `[-]` / `[+]` lines.
  private func tree(_ changes: [ValueChange]) -> [String] {
    var out: [String] = []
    for (index, change) in changes.enumerated() {
      let last = index == changes.count - 1
      let branch = last ? " └─ " : " ├─ "
      let continuation = last ? "     " : " │   "
      var line = branch + marker(change.kind.rawValue) + " " + shown(change.path.description)
      let old = change.old.map { shownInline($0) }
      let new = change.new.map { shownInline($0) }
      var below: [String] = []
      switch change.kind {
      case .added: line += ": " + green(new ?? "")
      case .removed: line += ": " + red(old ?? "")
      case .reordered: line += ": " + dim("order changed")
      case .modified:
        if let old, let new, old.count + new.count <= 100 {
          line += ": " + red(old) + " → " + green(new)
        } else {
          below = [
            continuation + "├─ " + red("[-] " + (old ?? "")),
            continuation + "└─ " + green("[+] " + (new ?? "")),
          ]
        }
      }
      switch change.replacement {
      case .will: line += "  " + red("(replaces)")
      case .may: line += "  " + yellow("(may replace)")
      case .none: break
      }
      out.append(line)
      out += below
    }
    return out
  }

  // MARK: - Text from the templates

  /// Text that came from a template or a stack, with its control characters escaped (and its
  /// line breaks, since each change is one line): the reporter's own colours are the only
  /// escape sequences it prints.
  private func shown(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: "\\n").escapingControlCharacters
  }

  /// A value as `ValueText` writes it, escaped like `shown`.
  private func shownInline(_ value: Value) -> String { shown(ValueText.inline(value)) }

  // MARK: - Colour

  private func marker(_ kind: String) -> String {
    switch kind {
    case "added": green("[+]")
    case "removed": red("[-]")
    case "reordered": yellow("[↕]")
    default: yellow("[~]")
    }
  }

  private func paint(_ code: String, _ text: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
  private func red(_ text: String) -> String { paint("31", text) }
  private func green(_ text: String) -> String { paint("32", text) }
  private func yellow(_ text: String) -> String { paint("33", text) }
  private func bold(_ text: String) -> String { paint("1", text) }
  private func dim(_ text: String) -> String { paint("2", text) }
}
