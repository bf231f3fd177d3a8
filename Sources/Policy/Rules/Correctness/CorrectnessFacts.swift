import Foundation
import Template

/// What the correctness checks need to know about one template, computed in one walk.
///
/// Ten checks look at the template's intrinsic functions; walking a 5,000-resource template
/// once per check cost more than reading it. The engine hands each rule the same template
/// value, so the facts are kept for the last few templates seen and found again by identity
/// (see `TemplateIdentity`), never by comparing contents.
final class CorrectnessFacts: Sendable {
  let index: TemplateIndex
  /// Every intrinsic function, in document order.
  let uses: [IntrinsicUse]
  let used: UsedNames
  let graph: DependencyGraph

  init(_ template: Template) {
    index = TemplateIndex(template)
    var uses: [IntrinsicUse] = []
    ValueWalker.walk(template) { visit in
      if case .intrinsic(let function) = visit.value.kind {
        uses.append(IntrinsicUse(function: function, visit: visit))
      }
      return .visitChildren
    }
    self.uses = uses
    used = UsedNames(template, uses: uses)
    graph = DependencyGraph(template, index: index, uses: uses)
  }

  private static let cache = FactsCache()

  /// The facts of `template`, computed at most once while it stays among the last few checked.
  static func of(_ template: Template) -> CorrectnessFacts {
    cache.facts(for: template)
  }
}

/// The identity of a template value's storage: the buffers of its sections.
///
/// A copy of a template shares its sections' buffers, and a mutation of a shared buffer copies
/// it first (copy on write). The cache below keeps its own copy of each template, so while an
/// entry is cached its buffers cannot be freed, reused or changed in place: a template whose
/// buffers are the same is the same value, whatever its size.
struct TemplateIdentity: Equatable {
  private let buffers: [UnsafeRawPointer?]
  private let file: String?
  private let transform: Value?

  init(_ template: Template) {
    func address<T>(_ array: [T]) -> UnsafeRawPointer? {
      array.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }
    buffers = [
      address(template.resources.entries), address(template.parameters.entries),
      address(template.conditions.entries), address(template.mappings.entries),
      address(template.outputs.entries), address(template.rules.entries),
      address(template.unknownSections.entries), address(template.metadata?.entries ?? []),
    ]
    file = template.file
    transform = template.transform
  }
}

/// The facts of the last few templates, with a copy of each template that keeps its identity valid.
private final class FactsCache: @unchecked Sendable {
  private struct Entry {
    let template: Template
    let identity: TemplateIdentity
    let facts: CorrectnessFacts
  }

  private let lock = NSLock()
  private var entries: [Entry] = []
  private let capacity = 4

  func facts(for template: Template) -> CorrectnessFacts {
    let identity = TemplateIdentity(template)
    lock.lock()
    if let hit = entries.first(where: { $0.identity == identity }) {
      lock.unlock()
      return hit.facts
    }
    lock.unlock()
    let facts = CorrectnessFacts(template)
    lock.lock()
    entries.append(Entry(template: template, identity: identity, facts: facts))
    if entries.count > capacity { entries.removeFirst() }
    lock.unlock()
    return facts
  }
}

extension RuleContext {
  /// The shared facts of this context's template.
  var facts: CorrectnessFacts { CorrectnessFacts.of(template) }
}
