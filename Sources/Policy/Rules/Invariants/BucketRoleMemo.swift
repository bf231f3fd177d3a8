import Foundation
import Template

/// The buckets that play each role (`raw`, `results`) in one template, found once and shared by
/// the invariant rules of a run (see `Invariants.buckets`). Guarded by a lock because rules are
/// `Sendable` closures.
final class BucketRoleMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var bucketsByRole: [String: [String]] = [:]

  /// The memo of `template`, shared by every rule that checks it.
  static func shared(for template: Template) -> BucketRoleMemo {
    cache.value(for: template) { BucketRoleMemo() }
  }

  private static let cache = TemplateKeyedCache<BucketRoleMemo>()

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
