import Semantics
import Template

/// The possible values of one property path, navigable key by key through the `Resolver`.
///
/// `context.property(id, "BucketEncryption").child("ServerSideEncryptionConfiguration").items()`
/// follows every `Fn::If` branch and `AWS::NoValue` on the way, so a rule judges what each
/// deployed variant of the resource would have, and a finding names the branch it is about.
public struct Reading: Sendable {
  /// The check's resolver and exports, shared by every reading derived from this one.
  private let store: CheckStore
  public var possibilities: [Resolved]

  public var resolver: Resolver { store.resolver }

  public init(resolver: Resolver, possibilities: [Resolved]) {
    self.init(store: CheckStore(resolver: resolver), possibilities: possibilities)
  }

  /// A reading with the resolver of a check (see `CheckStore`).
  init(store: CheckStore, possibilities: [Resolved]) {
    self.store = store
    self.possibilities = possibilities
  }

  /// The member `key` of each possibility (absent where the mapping lacks it).
  ///
  /// A value that comes from a parameter's `Default` is located where the resource refers to
  /// the parameter, not at the default: the finding is about the resource, and the `(parameter
  /// X at its default)` clause says where the value came from.
  public func child(_ key: String) -> Reading {
    // One possibility is the rule (no `Fn::If` on the way): its members are the reading.
    if possibilities.count == 1 {
      return Reading(store: store, possibilities: members(key, of: possibilities[0]))
    }
    var members: [Resolved] = []
    for possibility in possibilities { members += self.members(key, of: possibility) }
    return Reading(store: store, possibilities: members)
  }

  /// The member `key` of one possibility (see `child`).
  private func members(_ key: String, of possibility: Resolved) -> [Resolved] {
    let raw = possibility.map?[key]
    if let raw, let imported = importing(raw) {
      return imported.compactMap { Self.inherit(possibility, into: $0) }
    }
    var members = store.resolver.member(key, of: possibility, found: raw)
    if let written = raw?.location {
      for index in members.indices
      where members[index].parameters.count > possibility.parameters.count {
        members[index].location = written
      }
    }
    return members
  }

  /// An `Fn::ImportValue` that another template of the run exports (see `ExportIndex`).
  private func importing(_ raw: Value) -> [Resolved]? {
    guard case .intrinsic(.importValue(let name)) = raw.kind else { return nil }
    return store.exports.resolveImport(name, with: store.resolver, at: raw.location)
  }

  /// `item` under the branches and parameters of `parent`; nil when the branches contradict.
  static func inherit(_ parent: Resolved, into item: Resolved) -> Resolved? {
    guard let merged = item.assumptions.merged(with: parent.assumptions) else { return nil }
    var copy = item
    copy.assumptions = merged
    copy.parameters = parent.parameters + item.parameters.filter { !parent.parameters.contains($0) }
    return copy
  }

  /// Follows several keys in turn.
  public func path(_ keys: String...) -> Reading {
    keys.reduce(self) { $0.child($1) }
  }

  /// Each element of each possible list; absent lists and absent elements give nothing, a
  /// single mapping where a list is expected counts as a one-element list.
  public func items() -> Reading {
    Reading(
      store: store,
      possibilities: possibilities.flatMap { possibility -> [Resolved] in
        switch possibility.shape {
        case .absent: return []
        case .list(let list):
          return list.flatMap { element -> [Resolved] in
            let items = importing(element) ?? store.resolver.resolve(element)
            return items.filter { !$0.isAbsent }.compactMap { Self.inherit(possibility, into: $0) }
          }
        default: return [possibility]
        }
      })
  }

  /// A reading of one possibility, to look further below it while keeping its branches.
  public func of(_ possibility: Resolved) -> Reading {
    Reading(store: store, possibilities: [possibility])
  }

  /// Only the possibilities `keep` accepts.
  public func filter(_ keep: (Resolved) -> Bool) -> Reading {
    Reading(store: store, possibilities: possibilities.filter(keep))
  }

  /// These possibilities under the branches `earlier` assumed; combinations that contradict
  /// them (one branch of the same `Fn::If` each) cannot be deployed and are dropped.
  public func after(_ earlier: Resolved) -> Reading {
    Reading(
      store: store,
      possibilities: possibilities.compactMap { possibility in
        guard let merged = possibility.assumptions.merged(with: earlier.assumptions) else {
          return nil
        }
        var copy = possibility
        copy.assumptions = merged
        copy.parameters =
          earlier.parameters + possibility.parameters.filter { !earlier.parameters.contains($0) }
        return copy
      })
  }

}

extension Resolved {
  /// ` (when condition UseKms is false; parameter Env at its default)`, or nothing.
  public var clause: String {
    var parts: [String] = []
    if !assumptions.isEmpty { parts.append(assumptions.description) }
    if !parameters.isEmpty {
      parts.append(
        (parameters.count == 1 ? "parameter " : "parameters ") + parameters.joined(separator: ", ")
          + " at its default")
    }
    return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
  }

  /// Why this value cannot be judged, for messages.
  public var unknowableReason: String {
    if let reason = unknownReasons.first { return reason }
    switch shape {
    case .string(let string): return "it is \(string), which the template does not spell out"
    case .list: return "it is a list where a single value is expected"
    case .map: return "it is a mapping where a single value is expected"
    case .null: return "it is null"
    default: return "it is not the expected kind of value"
    }
  }
}
