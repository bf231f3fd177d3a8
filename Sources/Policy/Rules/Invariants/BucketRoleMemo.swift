import Foundation
import Semantics
import Template

/// The buckets that play each role (`raw`, `results`) in one template, found once and shared by
/// the invariant rules of a check (see `Invariants.buckets`). Guarded by a lock because the
/// rules of a check may run concurrently.
final class BucketRoleMemo: TemplateDerivation, @unchecked Sendable {
  private let lock = NSLock()
  private var bucketsByRole: [String: [String]] = [:]

  /// Starts empty: each role's buckets are found on the first request.
  init(deriving memo: TemplateMemo) {}

  /// The buckets playing `role`, found by `find` on the first request.
  func buckets(_ role: String, find: () -> [String]) -> [String] {
    lock.lock()
    if let known = bucketsByRole[role] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let found = find()
    lock.lock()
    if bucketsByRole[role] == nil { bucketsByRole[role] = found }
    let result = bucketsByRole[role] ?? found
    lock.unlock()
    return result
  }
}
