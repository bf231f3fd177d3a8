import Semantics
import Template

/// Warnings about changes that delete data or cannot be carried out.
///
/// CloudFormation deletes a removed resource according to the deployed template's
/// `DeletionPolicy`, and the old copy of a replaced resource according to the
/// `UpdateReplacePolicy` it is updated with. It creates a replacement before deleting the
/// old resource, so a replacement that keeps a fixed physical name fails.
enum DataLoss {
  static func warnings(
    old: Template, new: Template, changes: [ResourceChange], data: ReplacementData
  ) -> [DiffWarning] {
    var warnings: [DiffWarning] = []
    for change in changes {
      switch change.kind {
      case .removed:
        guard let type = change.oldType, StatefulTypes.all.contains(type),
          let resource = old.resources[change.logicalID]
        else { continue }
        let what =
          if let to = change.renamedTo {
            "is renamed to \(to), so CloudFormation deletes \(change.logicalID)"
          } else { "is removed" }
        switch StatefulTypes.keepsData(resource.deletionPolicy, type: type) {
        case false?:
          warnings.append(
            DiffWarning(
              kind: .dataLoss, logicalID: change.logicalID, type: type,
              message:
                "\(change.logicalID) (\(type)) \(what) without DeletionPolicy Retain\(snapshotHint(type)): its data is deleted"
            ))
        case nil:
          warnings.append(
            DiffWarning(
              kind: .dataLoss, logicalID: change.logicalID, type: type,
              message:
                "\(change.logicalID) (\(type)) \(what) and its DeletionPolicy is a function: its data is deleted unless it resolves to Retain\(snapshotHint(type))"
            ))
        case true?:
          continue
        }
      case .modified:
        guard change.replacement > .none, let resource = new.resources[change.logicalID] else {
          continue
        }
        // The data at risk is the old resource's, whatever replaces it.
        if let type = change.oldType, StatefulTypes.all.contains(type) {
          let verb = change.replacement == .will ? "will be replaced" : "may be replaced"
          switch StatefulTypes.keepsData(resource.updateReplacePolicy, type: type) {
          case false?:
            warnings.append(
              DiffWarning(
                kind: .dataLoss, logicalID: change.logicalID, type: type,
                message:
                  "\(change.logicalID) (\(type)) \(verb) without UpdateReplacePolicy Retain\(snapshotHint(type)): the old resource and its data are deleted"
              ))
          case nil:
            warnings.append(
              DiffWarning(
                kind: .dataLoss, logicalID: change.logicalID, type: type,
                message:
                  "\(change.logicalID) (\(type)) \(verb) and its UpdateReplacePolicy is a function: the old data is deleted unless it resolves to Retain\(snapshotHint(type))"
              ))
          case true?:
            break
          }
        }
        if let type = change.newType, change.oldType == type,
          let property = data[type]?.physicalName,
          let name = resource.properties[property],
          let previous = old.resources[change.logicalID]?.properties[property],
          Fingerprint.of(name) == Fingerprint.of(previous)
        {
          warnings.append(
            DiffWarning(
              kind: .nameCollision, logicalID: change.logicalID, type: type,
              message:
                "\(change.logicalID) (\(type)) \(change.replacement == .will ? "will" : "may") be replaced but keeps \(property) \(display(name)): CloudFormation creates the replacement before deleting the old one, so the name is taken and the update fails"
            ))
        }
      case .added:
        guard let from = change.renamedFrom, let type = change.newType,
          let property = data[type]?.physicalName,
          let name = new.resources[change.logicalID]?.properties[property],
          let previous = old.resources[from]?.properties[property],
          Fingerprint.of(name) == Fingerprint.of(previous)
        else { continue }
        warnings.append(
          DiffWarning(
            kind: .nameCollision, logicalID: change.logicalID, type: type,
            message:
              "\(change.logicalID) (\(type)) is \(from) renamed with the same \(property) \(display(name)): CloudFormation creates \(change.logicalID) before deleting \(from), so the name is taken and the update fails"
          ))
      }
    }
    return warnings
  }

  private static func snapshotHint(_ type: String) -> String {
    StatefulTypes.snapshotTypes.contains(type) ? " or Snapshot" : ""
  }

  private static func display(_ value: Value) -> String {
    if let text = Fingerprint.scalarText(value) { return text }
    return ValueText.inline(value)
  }
}
