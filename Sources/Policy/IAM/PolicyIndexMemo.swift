import Foundation

/// What a `PolicyIndex` works out on request and keeps: the index is a value shared by every
/// rule of a run (`PolicyIndex.shared(for:)`), so a class box lets the first rule that asks
/// fill the answer for the others. Guarded by a lock because the index is `Sendable`.
final class PolicyIndexMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var batchRoles: [(role: String, reason: String)]?

  /// The Batch roles, computed by `compute` on the first request.
  func batchRoles(_ compute: () -> [(role: String, reason: String)]) -> [(
    role: String, reason: String
  )] {
    lock.lock()
    if let batchRoles {
      lock.unlock()
      return batchRoles
    }
    lock.unlock()
    let computed = compute()
    lock.lock()
    if batchRoles == nil { batchRoles = computed }
    let result = batchRoles ?? computed
    lock.unlock()
    return result
  }
}
