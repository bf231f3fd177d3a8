import Foundation
import Template

/// Keeps the `PolicyIndex` of the last few templates checked, so the rules of one `lint` run
/// read a template's policies once.
///
/// The engine hands every rule the same `Template` value; its sections' storage is shared by
/// every copy (copy-on-write), so the addresses of that storage identify the value. The cache
/// holds a copy of each template it indexes, which keeps that storage alive: while an entry
/// exists, no other template can be allocated at the same addresses, so equal addresses mean
/// the same (unmodified) template, never a stale hit. A template that is modified gets new
/// storage on its first write, hence a new key.
final class PolicyIndexCache: @unchecked Sendable {
  static let shared = PolicyIndexCache()

  /// The number of templates kept; lint runs checks template by template, so a few suffice.
  static let capacity = 4

  private struct Key: Hashable {
    var resources: UnsafeRawPointer?
    var parameters: UnsafeRawPointer?
    var mappings: UnsafeRawPointer?
    var conditions: UnsafeRawPointer?
  }

  private struct Entry {
    var key: Key
    var template: Template
    var index: PolicyIndex
  }

  private let lock = NSLock()
  private var entries: [Entry] = []

  func index(for template: Template) -> PolicyIndex {
    guard let key = Self.key(of: template) else { return PolicyIndex(template) }
    lock.lock()
    if let hit = entries.first(where: { $0.key == key }) {
      lock.unlock()
      return hit.index
    }
    lock.unlock()
    let index = PolicyIndex(template)
    lock.lock()
    if !entries.contains(where: { $0.key == key }) {
      entries.append(Entry(key: key, template: template, index: index))
      if entries.count > Self.capacity { entries.removeFirst() }
    }
    lock.unlock()
    return index
  }

  /// The storage addresses of the sections resolution depends on; `nil` for a template without
  /// resources (nothing to cache, and empty arrays share one storage).
  private static func key(of template: Template) -> Key? {
    func address<T>(_ array: [T]) -> UnsafeRawPointer? {
      array.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
    }
    guard !template.resources.isEmpty, let resources = address(template.resources.entries) else {
      return nil
    }
    return Key(
      resources: resources, parameters: address(template.parameters.entries),
      mappings: address(template.mappings.entries), conditions: address(template.conditions.entries)
    )
  }
}
