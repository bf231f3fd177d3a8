/// The counts over every compared stack, and the one line that ends every report.
public struct DiffSummary: Sendable, Hashable {
  public var stacks = 0
  public var changedStacks = 0
  public var addedResources = 0
  public var removedResources = 0
  public var modifiedResources = 0
  /// Resources CloudFormation will replace (a create-only property, the type or the logical id changes).
  public var willReplace = 0
  /// Resources it may replace: the verdict depends on values the template cannot tell.
  public var mayReplace = 0
  /// Both, for readers of the single count.
  public var replacements: Int { willReplace + mayReplace }
  public var dataLoss = 0
  public var collisions = 0
  public var importedExports = 0
  public var securityChanges = 0
  public var otherChanges = 0

  public init(_ diffs: [StackDiff]) {
    stacks = diffs.count
    for diff in diffs {
      if diff.hasChanges { changedStacks += 1 }
      for change in diff.resources {
        switch change.kind {
        case .added: addedResources += 1
        case .removed: removedResources += 1
        case .modified: modifiedResources += 1
        }
        if change.renamedFrom != nil || change.kind == .modified && change.replacement == .will {
          willReplace += 1
        } else if change.kind == .modified && change.replacement == .may {
          mayReplace += 1
        }
      }
      dataLoss += diff.warnings.count { $0.kind == .dataLoss }
      collisions += diff.warnings.count { $0.kind == .nameCollision }
      importedExports += diff.warnings.count { $0.kind == .importedExportChanges }
      securityChanges +=
        diff.security.statements.count + diff.security.networkRules.count
        + diff.security.protections.count
        + diff.security.introducedFindings.count + diff.security.fixedFindings.count
      otherChanges += diff.entries.count
    }
  }

  /// `3 stacks: 1 changed, 2 unchanged; resources: 1 added, 1 removed, 2 modified; 1 replacement; ...`
  public var line: String {
    let unchanged = stacks - changedStacks
    var text = "\(plural(stacks, "stack")): "
    if changedStacks == 0 { return text + "no changes" }
    text += "\(changedStacks) changed, \(unchanged) unchanged"
    let resources = addedResources + removedResources + modifiedResources
    if resources > 0 {
      text +=
        "; resources: \(addedResources) added, \(removedResources) removed, \(modifiedResources) modified"
    }
    if otherChanges > 0 { text += "; \(plural(otherChanges, "other change"))" }
    text += "; \(willReplace) will replace, \(mayReplace) may replace"
    text += "; \(plural(securityChanges, "security change"))"
    if dataLoss > 0 { text += "; \(plural(dataLoss, "data-loss warning"))" }
    if collisions > 0 { text += "; \(plural(collisions, "name collision"))" }
    if importedExports > 0 {
      text += "; \(plural(importedExports, "imported export change"))"
    }
    return text
  }

  private func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
