import Semantics
import Template

/// Walks two values side by side and lists what differs, with paths, ignoring every
/// difference `Fingerprint` calls equal.
struct ValueDiffer {
  var changes: [ValueChange] = []

  /// Compares `old` and `new` at `path`. `inPolicy` is set below an IAM policy document.
  mutating func compare(_ old: Value?, _ new: Value?, at path: PropertyPath, inPolicy: Bool = false)
  {
    let old = old.flatMap { Fingerprint.isNoValue($0) ? nil : $0 }
    let new = new.flatMap { Fingerprint.isNoValue($0) ? nil : $0 }
    switch (old, new) {
    case (nil, nil):
      return
    case (nil, let new?):
      changes.append(ValueChange(kind: .added, path: path, old: nil, new: new))
      return
    case (let old?, nil):
      changes.append(ValueChange(kind: .removed, path: path, old: old, new: nil))
      return
    case (let old?, let new?):
      if old == new { return }
      // A policy document written as a JSON string compares as the document it holds.
      if let oldDocument = Self.document(old), let newDocument = Self.document(new),
        oldDocument != old || newDocument != new
      {
        compareDocuments(oldDocument, newDocument, at: path)
        return
      }
      if Fingerprint.of(old, inPolicy: inPolicy) == Fingerprint.of(new, inPolicy: inPolicy) {
        return
      }
      compareDifferent(old, new, at: path, inPolicy: inPolicy)
    }
  }

  /// The policy document a value is or holds as a JSON string.
  private static func document(_ value: Value) -> Value? {
    if let parsed = PolicyDocumentShape.parsedJSONDocument(value) { return parsed }
    return PolicyDocumentShape.isDocument(value) ? value : Optional<Value>.none
  }

  private mutating func compareDocuments(_ old: Value, _ new: Value, at path: PropertyPath) {
    if Fingerprint.of(old, inPolicy: true) == Fingerprint.of(new, inPolicy: true) { return }
    compareDifferent(old, new, at: path, inPolicy: true)
  }

  private mutating func compareDifferent(
    _ old: Value, _ new: Value, at path: PropertyPath, inPolicy: Bool
  ) {
    let key = path.lastKey
    switch (old.kind, new.kind) {
    case (.map(let oldMap), .map(let newMap)):
      let policy =
        inPolicy || PolicyDocumentShape.isDocument(oldMap) || PolicyDocumentShape.isDocument(newMap)
      compareMaps(oldMap, newMap, at: path, inPolicy: policy)
    case (.list(let oldList), .list(let newList)):
      compareLists(oldList, newList, at: path, inPolicy: inPolicy)
    case (.list(let oldList), _) where inPolicy && PolicyDocumentShape.unorderedKeys.contains(key ?? ""):
      compareLists(oldList, [new], at: path, inPolicy: inPolicy)
    case (_, .list(let newList)) where inPolicy && PolicyDocumentShape.unorderedKeys.contains(key ?? ""):
      compareLists([old], newList, at: path, inPolicy: inPolicy)
    default:
      changes.append(ValueChange(kind: .modified, path: path, old: old, new: new))
    }
  }

  private mutating func compareMaps(
    _ old: OrderedMap<Value>, _ new: OrderedMap<Value>, at path: PropertyPath, inPolicy: Bool
  ) {
    for entry in new.entries {
      compare(old[entry.key], entry.value, at: path.appending(key: entry.key), inPolicy: inPolicy)
    }
    for entry in old.entries where !new.contains(entry.key) {
      compare(entry.value, nil, at: path.appending(key: entry.key), inPolicy: inPolicy)
    }
  }

  private mutating func compareLists(
    _ old: [Value], _ new: [Value], at path: PropertyPath, inPolicy: Bool
  ) {
    let key = path.lastKey ?? ""
    let unordered =
      ListIdentity.unorderedKeys.contains(key)
      || (inPolicy && PolicyDocumentShape.unorderedKeys.contains(key))
    if let identityKey = ListIdentity.identityKey(old, new) {
      compareByIdentity(
        old, new, key: identityKey, at: path, inPolicy: inPolicy, unordered: unordered)
      return
    }
    let oldPrints = old.map { Fingerprint.of($0, inPolicy: inPolicy) }
    let newPrints = new.map { Fingerprint.of($0, inPolicy: inPolicy) }
    if unordered {
      compareAsSets(
        old, new, oldPrints, newPrints, at: path, pairLeftovers: inPolicy && key == "Statement")
      return
    }
    let pairs = ListIdentity.commonSubsequence(oldPrints, newPrints)
    // Unmatched runs between two matched pairs are paired by position as modifications;
    // what is left over in a run is an addition or a removal.
    var previousOld = -1
    var previousNew = -1
    for (oldIndex, newIndex) in pairs + [(old.count, new.count)] {
      let oldRun = Array((previousOld + 1)..<oldIndex)
      let newRun = Array((previousNew + 1)..<newIndex)
      for offset in 0..<max(oldRun.count, newRun.count) {
        switch (
          offset < oldRun.count ? oldRun[offset] : nil, offset < newRun.count ? newRun[offset] : nil
        ) {
        case (let o?, let n?):
          compare(old[o], new[n], at: path.appending(.index(n)), inPolicy: inPolicy)
        case (let o?, nil):
          changes.append(
            ValueChange(kind: .removed, path: path.appending(.index(o)), old: old[o], new: nil))
        case (nil, let n?):
          changes.append(
            ValueChange(kind: .added, path: path.appending(.index(n)), old: nil, new: new[n]))
        case (nil, nil):
          break
        }
      }
      previousOld = oldIndex
      previousNew = newIndex
    }
  }

  private mutating func compareByIdentity(
    _ old: [Value], _ new: [Value], key: String, at path: PropertyPath, inPolicy: Bool,
    unordered: Bool
  ) {
    var oldByIdentity: [String: Int] = [:]
    for (index, element) in old.enumerated() {
      if let identity = ListIdentity.identity(of: element, key: key) {
        oldByIdentity[identity] = index
      }
    }
    var commonOrderOld: [Int] = []
    var newIdentities = Set<String>()
    for element in new {
      guard let identity = ListIdentity.identity(of: element, key: key) else { continue }
      newIdentities.insert(identity)
      let elementPath = path.appending(.element(key: key, value: identity))
      if let oldIndex = oldByIdentity[identity] {
        commonOrderOld.append(oldIndex)
        compare(old[oldIndex], element, at: elementPath, inPolicy: inPolicy)
      } else {
        changes.append(ValueChange(kind: .added, path: elementPath, old: nil, new: element))
      }
    }
    for element in old {
      guard let identity = ListIdentity.identity(of: element, key: key),
        !newIdentities.contains(identity)
      else {
        continue
      }
      changes.append(
        ValueChange(
          kind: .removed, path: path.appending(.element(key: key, value: identity)), old: element,
          new: nil))
    }
    if !unordered, commonOrderOld != commonOrderOld.sorted() {
      changes.append(ValueChange(kind: .reordered, path: path, old: .list(old), new: .list(new)))
    }
  }

  /// Elements present on both sides cancel out whatever their positions. With
  /// `pairLeftovers` (IAM statements without `Sid`), the remaining elements are paired in
  /// order and compared inside, so an edited statement reads as the fields that changed.
  private mutating func compareAsSets(
    _ old: [Value], _ new: [Value], _ oldPrints: [String], _ newPrints: [String],
    at path: PropertyPath,
    pairLeftovers: Bool
  ) {
    var available: [String: Int] = [:]
    for print in newPrints { available[print, default: 0] += 1 }
    var unmatchedOld: [Int] = []
    for (index, print) in oldPrints.enumerated() {
      if let count = available[print], count > 0 {
        available[print] = count - 1
      } else {
        unmatchedOld.append(index)
      }
    }
    var remaining: [String: Int] = [:]
    for print in oldPrints { remaining[print, default: 0] += 1 }
    var unmatchedNew: [Int] = []
    for (index, print) in newPrints.enumerated() {
      if let count = remaining[print], count > 0 {
        remaining[print] = count - 1
      } else {
        unmatchedNew.append(index)
      }
    }
    let paired = pairLeftovers ? min(unmatchedOld.count, unmatchedNew.count) : 0
    for offset in 0..<paired {
      compare(
        old[unmatchedOld[offset]], new[unmatchedNew[offset]],
        at: path.appending(.index(unmatchedNew[offset])), inPolicy: true)
    }
    for index in unmatchedOld.dropFirst(paired) {
      changes.append(
        ValueChange(kind: .removed, path: path.appending(.index(index)), old: old[index], new: nil))
    }
    for index in unmatchedNew.dropFirst(paired) {
      changes.append(
        ValueChange(kind: .added, path: path.appending(.index(index)), old: nil, new: new[index]))
    }
  }
}
