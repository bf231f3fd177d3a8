import Foundation
import Template

/// Keeps one derived value for each of the last few templates checked, so the rules of one
/// `lint` run compute what they share once per template instead of once per rule.
///
/// The engine hands every rule the same `Template` value; its sections' storage is shared by
/// every copy (copy-on-write), so the addresses of that storage identify the value. The cache
/// holds a copy of each template it keys, which keeps that storage alive: while an entry
/// exists, no other template can be allocated at the same addresses, so equal addresses mean
/// the same (unmodified) template, never a stale hit. A template that is modified gets new
/// storage on its first write, hence a new key. (`PolicyIndexCache` works the same way.)
final class TemplateKeyedCache<Value>: @unchecked Sendable {
  /// The number of templates kept; lint runs checks template by template, so a few suffice.
  static var capacity: Int { 4 }

  private struct Key: Hashable {
    var resources: UnsafeRawPointer?
    var parameters: UnsafeRawPointer?
    var mappings: UnsafeRawPointer?
    var conditions: UnsafeRawPointer?
  }

  private struct Entry {
    var key: Key
    var template: Template
    var value: Value
  }

  private let lock = NSLock()
  private var entries: [Entry] = []

  /// The value kept for `template`, made with `make` when there is none; a template without
  /// resources is not kept (nothing to share, and empty arrays share one storage).
  func value(for template: Template, make: () -> Value) -> Value {
    guard let key = Self.key(of: template) else { return make() }
    lock.lock()
    defer { lock.unlock() }
    if let hit = entries.first(where: { $0.key == key }) { return hit.value }
    let value = make()
    entries.append(Entry(key: key, template: template, value: value))
    if entries.count > Self.capacity { entries.removeFirst() }
    return value
  }

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
