import Foundation
import Template

/// What one `Resolver` computes once and reuses: the resource types by logical id, and the
/// spelled-out form of each symbol (`RawBucket.Arn` as an ARN). Filled on first use, so a
/// resolver made for one property lookup costs nothing extra; guarded by a lock because a
/// `Resolver` is a `Sendable` value that rules may share.
final class ResolverMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var typesByID: [String: String]?
  private var expansions: [Symbol: SymbolicString] = [:]

  func types(of template: Template) -> [String: String] {
    lock.lock()
    defer { lock.unlock() }
    if let typesByID { return typesByID }
    var types: [String: String] = [:]
    types.reserveCapacity(template.resources.count)
    for entry in template.resources.entries {
      if let type = entry.value.type { types[entry.key] = type }
    }
    typesByID = types
    return types
  }

  func expansion(of symbol: Symbol) -> SymbolicString? {
    lock.lock()
    defer { lock.unlock() }
    return expansions[symbol]
  }

  func remember(_ expansion: SymbolicString, for symbol: Symbol) {
    lock.lock()
    expansions[symbol] = expansion
    lock.unlock()
  }
}
