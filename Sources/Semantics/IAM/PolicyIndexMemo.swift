import Foundation

/// What a `PolicyIndex` works out on request and keeps: the index is a value shared by every
/// rule of a check (through its `TemplateMemo`), so a class box lets the first rule that asks
/// fill the answer for the others. Guarded by a lock because the rules of a check may run
/// concurrently; an answer computed twice by a race is the same answer, kept once.
package final class PolicyIndexMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var batchRoles: [(role: String, reason: String)]?
  private var rolesAssumable: [String: [String]] = [:]

  /// The Batch roles, computed by `compute` on the first request.
  package func batchRoles(_ compute: () -> [(role: String, reason: String)]) -> [(
    role: String, reason: String
  )] {
    if let known = lock.withLock({ batchRoles }) { return known }
    let computed = compute()
    return lock.withLock {
      if batchRoles == nil { batchRoles = computed }
      return batchRoles ?? computed
    }
  }

  /// The roles `service` may assume, computed by `compute` on the first request for it
  /// (the invariant rules ask for DataSync's roles several times).
  package func roles(assumableBy service: String, _ compute: () -> [String]) -> [String] {
    if let known = lock.withLock({ rolesAssumable[service] }) { return known }
    let computed = compute()
    return lock.withLock {
      if rolesAssumable[service] == nil { rolesAssumable[service] = computed }
      return rolesAssumable[service] ?? computed
    }
  }
}
