import Policy
import Semantics
import Template

/// Compares a deployed template with a proposed one: what CloudFormation would change,
/// what it would replace, what data it would delete, and what it does to security.
///
/// The one entry point of the module; reporters print its `StackDiff`. Works on any
/// template, hand-written or generated, and never imports the DSL.
public struct Differ: Sendable {
  public var replacementData: ReplacementData
  /// Policy-checker rules run on both sides, to report findings a change introduces or
  /// fixes. Empty skips the comparison.
  public var rules: [Rule]
  /// The exports of every deployed and every proposed template compared in one run, so the
  /// findings of a stack resolve its imports as `lint` of the same files does.
  public var deployedExports = ExportIndex()
  public var proposedExports = ExportIndex()

  public init(replacementData: ReplacementData = .shipped, rules: [Rule] = []) {
    self.replacementData = replacementData
    self.rules = rules
  }

  /// This differ for stacks compared as one set: the findings of each resolve its imports to
  /// the exports of the set's other templates on the same side, as `lint` of those files does.
  public func comparingSet(deployed: [Template], proposed: [Template]) -> Differ {
    var differ = self
    differ.deployedExports = ExportIndex(deployed)
    differ.proposedExports = ExportIndex(proposed)
    return differ
  }

  /// Compares one stack. A `nil` side is a stack that exists only on the other side.
  public func compare(
    deployed: Template?, proposed: Template?, name: String, deployedSource: String? = nil,
    proposedSource: String? = nil
  ) -> StackDiff {
    let old = deployed ?? Template(formatVersion: nil)
    let new = proposed ?? Template(formatVersion: nil)
    var resources = compareResources(old, new)
    assessReplacement(old, new, &resources)
    detectRenames(old, new, &resources)
    propagateReplacement(old, new, &resources)
    let warnings = DataLoss.warnings(old: old, new: new, changes: resources, data: replacementData)
    var security = SecurityAnalysis.analyze(old: old, new: new, changes: resources)
    let entries = SectionComparison.compare(old, new)
    // Findings depend only on the template: an unchanged stack has the same ones on both sides.
    if !rules.isEmpty && !(resources.isEmpty && entries.isEmpty) {
      (security.introducedFindings, security.fixedFindings) = FindingComparison.compare(
        old: deployed.map { Checker(rules: rules).check($0, exports: deployedExports) } ?? [],
        new: proposed.map { Checker(rules: rules).check($0, exports: proposedExports) } ?? [])
    }
    let status: StackDiff.Status =
      if deployed == nil { .added } else if proposed == nil {
        .removed
      } else if resources.isEmpty && entries.isEmpty
        && security.isEmpty
      { .unchanged } else { .changed }
    return StackDiff(
      name: name, deployedSource: deployedSource, proposedSource: proposedSource, status: status,
      security: security, warnings: warnings, resources: resources, entries: entries)
  }

  /// The attributes of a resource as one mapping, in CloudFormation's order, so one walk
  /// compares `Type`, `DependsOn`, `Properties`, `DeletionPolicy` and the rest.
  static func attributes(of resource: Resource) -> Value {
    var map = OrderedMap<Value>()
    if let type = resource.type { map["Type"] = .string(type) }
    if let condition = resource.condition { map["Condition"] = .string(condition.value) }
    if !resource.dependsOn.isEmpty {
      map["DependsOn"] = .list(resource.dependsOn.map { .string($0.value) })
    }
    if !resource.properties.isEmpty { map["Properties"] = .map(resource.properties) }
    if let metadata = resource.metadata { map["Metadata"] = metadata }
    if let policy = resource.creationPolicy { map["CreationPolicy"] = policy }
    if let policy = resource.updatePolicy { map["UpdatePolicy"] = policy }
    if let policy = resource.deletionPolicy { map["DeletionPolicy"] = policy }
    if let policy = resource.updateReplacePolicy { map["UpdateReplacePolicy"] = policy }
    for entry in resource.unknownAttributes { map[entry.key] = entry.value }
    return .map(map)
  }

  private func compareResources(_ old: Template, _ new: Template) -> [ResourceChange] {
    var changes: [ResourceChange] = []
    for entry in new.resources.entries {
      let resource = entry.value
      guard let previous = old.resources[entry.key] else {
        changes.append(
          ResourceChange(
            logicalID: entry.key, kind: .added, oldType: nil, newType: resource.type,
            location: resource.location))
        continue
      }
      if previous == resource { continue }
      var differ = ValueDiffer()
      differ.compare(
        Self.attributes(of: previous), Self.attributes(of: resource), at: PropertyPath())
      guard !differ.changes.isEmpty else { continue }
      changes.append(
        ResourceChange(
          logicalID: entry.key, kind: .modified, oldType: previous.type, newType: resource.type,
          changes: differ.changes, location: resource.location))
    }
    for entry in old.resources.entries where !new.resources.contains(entry.key) {
      changes.append(
        ResourceChange(
          logicalID: entry.key, kind: .removed, oldType: entry.value.type, newType: nil,
          location: entry.value.location))
    }
    return changes
  }

  private func assessReplacement(
    _ old: Template, _ new: Template, _ changes: inout [ResourceChange]
  ) {
    let analysis = ReplacementAnalysis(data: replacementData, resourceIDs: Set(new.resources.keys))
    for index in changes.indices where changes[index].kind == .modified {
      var change = changes[index]
      guard let before = old.resources[change.logicalID],
        let after = new.resources[change.logicalID]
      else {
        continue
      }
      if before.type != after.type {
        change.replacement = .will
        change.reasons.append(
          "Type changes from \(before.type ?? "none") to \(after.type ?? "none"): CloudFormation creates a new resource and deletes the old one"
        )
        for i in change.changes.indices where change.changes[i].path == PropertyPath("Type") {
          change.changes[i].replacement = .will
        }
      } else if let type = after.type {
        if replacementData[type] == nil,
          change.changes.contains(where: { $0.path.segments.first == .key("Properties") })
        {
          change.replacement = .may
          change.reasons.append(
            type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource"
              ? "custom resource: its provider decides whether a property change replaces it"
              : "no registry schema for \(type): replacement cannot be told")
        }
        let hits = analysis.hits(
          type: type, old: .map(before.properties), new: .map(after.properties))
        for hit in hits {
          change.replacement = max(change.replacement, hit.replacement)
          change.reasons.append(hit.reason)
          for i in change.changes.indices
          where ReplacementAnalysis.overlaps(change.changes[i].path, hit.path) {
            if hit.replacement > change.changes[i].replacement {
              change.changes[i].replacement = hit.replacement
              change.changes[i].replacementReason = hit.reason
            }
          }
        }
      }
      if before.condition?.value != after.condition?.value {
        change.replacement = max(change.replacement, .may)
        change.reasons.append(
          "its Condition changes: if the condition evaluates differently, CloudFormation creates or deletes the resource"
        )
      }
      changes[index] = change
    }
  }

  /// Pairs a removed and an added resource of the same type that are the same resource under
  /// a new logical id: identical properties, or the same fixed physical name.
  private func detectRenames(_ old: Template, _ new: Template, _ changes: inout [ResourceChange]) {
    let removed = changes.indices.filter { changes[$0].kind == .removed }
    let added = changes.indices.filter { changes[$0].kind == .added }
    guard !removed.isEmpty, !added.isEmpty else { return }
    var taken = Set<Int>()
    var addedPrints: [Int: String] = [:]
    for a in added {
      if let after = new.resources[changes[a].logicalID] {
        addedPrints[a] = Fingerprint.of(.map(after.properties))
      }
    }
    for r in removed {
      guard let before = old.resources[changes[r].logicalID] else { continue }
      let beforePrint = Fingerprint.of(.map(before.properties))
      let nameProperty = before.type.flatMap { replacementData[$0]?.physicalName }
      let beforeName = nameProperty.flatMap { before.properties[$0] }.map { Fingerprint.of($0) }
      for a in added where !taken.contains(a) {
        guard let after = new.resources[changes[a].logicalID], after.type == before.type else {
          continue
        }
        let sameName =
          beforeName != nil
          && nameProperty.flatMap { after.properties[$0] }.map { Fingerprint.of($0) } == beforeName
        guard sameName || addedPrints[a] == beforePrint else { continue }
        taken.insert(a)
        let from = changes[r].logicalID
        let to = changes[a].logicalID
        changes[r].renamedTo = to
        changes[a].renamedFrom = from
        changes[a].replacement = .will
        changes[r].replacement = .will
        let sentence =
          "logical id renamed from \(from) to \(to): CloudFormation creates \(to) and deletes \(from) (a replacement)"
        changes[a].reasons.append(sentence)
        changes[r].reasons.append(sentence)
        break
      }
    }
  }

  /// Replacement that travels along references: a create-only property that refers to a
  /// replaced resource gets a new value, so its resource is replaced too.
  private func propagateReplacement(
    _ old: Template, _ new: Template, _ changes: inout [ResourceChange]
  ) {
    var verdicts: [String: Replacement] = [:]
    for change in changes where change.kind == .modified && change.replacement > .none {
      verdicts[change.logicalID] = change.replacement
    }
    guard !verdicts.isEmpty else { return }
    var indexByID: [String: Int] = [:]
    for (index, change) in changes.enumerated() where change.kind != .removed {
      indexByID[change.logicalID] = index
    }
    var changed = true
    var rounds = 0
    while changed && rounds < 100 {
      changed = false
      rounds += 1
      for entry in new.resources.entries where old.resources.contains(entry.key) {
        guard let type = entry.value.type, let rules = replacementData[type] else { continue }
        for (patterns, conditional) in [
          (rules.createOnly, false), (rules.conditionalCreateOnly, true),
        ] {
          for pattern in patterns {
            var found: [(PropertyPath, ReplacementAnalysis.Found)] = []
            ReplacementAnalysis.extract(
              .map(entry.value.properties), pattern[...], at: PropertyPath("Properties"),
              into: &found)
            for (path, value) in found {
              let referenced: Value
              switch value {
              case .value(let v), .opaque(let v): referenced = v
              case .absent: continue
              }
              for reference in References.of(referenced) where reference.resource != entry.key {
                guard let target = verdicts[reference.resource] else { continue }
                let verdict: Replacement =
                  target == .will && reference.attribute == nil && !conditional ? .will : .may
                if verdict <= verdicts[entry.key] ?? .none { continue }
                verdicts[entry.key] = verdict
                changed = true
                let reason =
                  "\(ReplacementAnalysis.display(path)) refers to \(reference.resource), which \(target == .will ? "will" : "may") be replaced"
                if let index = indexByID[entry.key] {
                  changes[index].replacement = max(changes[index].replacement, verdict)
                  changes[index].reasons.append(reason)
                } else {
                  var change = ResourceChange(
                    logicalID: entry.key, kind: .modified, oldType: type, newType: type,
                    replacement: verdict,
                    reasons: [reason], location: entry.value.location)
                  change.changes = []
                  indexByID[entry.key] = changes.count
                  changes.append(change)
                }
              }
            }
          }
        }
      }
    }
  }
}
