import Foundation
import Template

/// What resolvers of one template compute once and reuse: the resource types by logical id,
/// the spelled-out form of each symbol (`RawBucket.Arn` as an ARN) and each resource's
/// physical name. Filled on first use, so a resolver made for one property lookup costs
/// nothing extra; guarded by a lock because a `Resolver` is a `Sendable` value that rules
/// may share.
///
/// The resolvers of one check share one memo (`CheckStore.resolver`), so the type table is
/// built and each name spelled once per check rather than once per property read; what the
/// memo holds depends only on the template.
package final class ResolverMemo: TemplateDerivation, @unchecked Sendable {
  private let lock = NSLock()
  /// The type table of a memo shared by a whole check, made up front and never changed, so the
  /// many type lookups of a check read it without the lock.
  private let sharedTypes: [String: String]?
  private var typesByID: [String: String]?
  private var expansions: [Symbol: SymbolicString] = [:]
  private var physicalNames: [String: SymbolicString] = [:]

  /// A memo for one resolver: every table is filled on first use.
  package init() { sharedTypes = nil }

  /// The memo the resolvers of one check share: the type table is made at once (every check
  /// needs it), the other tables on first use.
  package init(deriving memo: TemplateMemo) { sharedTypes = Self.typeTable(of: memo.template) }

  /// The type of the resource `logicalID` of `template` (the memo's template).
  package func type(of logicalID: String, in template: Template) -> String? {
    if let sharedTypes { return sharedTypes[logicalID] }
    lock.lock()
    defer { lock.unlock() }
    if typesByID == nil { typesByID = Self.typeTable(of: template) }
    return typesByID?[logicalID]
  }

  private static func typeTable(of template: Template) -> [String: String] {
    var types: [String: String] = [:]
    types.reserveCapacity(template.resources.count)
    for entry in template.resources.entries {
      if let type = entry.value.type { types[entry.key] = type }
    }
    return types
  }

  package func expansion(of symbol: Symbol) -> SymbolicString? {
    lock.withLock { expansions[symbol] }
  }

  package func remember(_ expansion: SymbolicString, for symbol: Symbol) {
    lock.withLock { expansions[symbol] = expansion }
  }

  package func physicalName(of logicalID: String) -> SymbolicString? {
    lock.withLock { physicalNames[logicalID] }
  }

  package func remember(_ name: SymbolicString, physicalNameOf logicalID: String) {
    lock.withLock { physicalNames[logicalID] = name }
  }
}
